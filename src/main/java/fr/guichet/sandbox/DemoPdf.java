package fr.guichet.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest valid one-page PDF with a few lines of text (Helvetica, Latin-1): the content of the
 * demo people's documents. The server builds no real documents; the kiosk's print package does.
 */
final class DemoPdf {
  private DemoPdf() {}

  static byte[] page(String title, List<String> lines) {
    StringBuilder text =
        new StringBuilder("BT /F1 18 Tf 56 780 Td (").append(escape(title)).append(") Tj ET\n");
    int y = 740;
    for (String line : lines) {
      text.append("BT /F1 12 Tf 56 ")
          .append(y)
          .append(" Td (")
          .append(escape(line))
          .append(") Tj ET\n");
      y -= 18;
    }
    byte[] stream = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            "<< /Length "
                + stream.length
                + " >>\nstream\n"
                + new String(stream, StandardCharsets.ISO_8859_1)
                + "endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table =
        new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
    table
        .append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    write(out, table.toString());
    return out.toByteArray();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
