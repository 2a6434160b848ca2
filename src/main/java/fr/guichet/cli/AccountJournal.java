package fr.guichet.cli;

import fr.guichet.client.ApiClient;
import fr.guichet.client.ApiException;
import fr.guichet.contract.Identification;
import fr.guichet.contract.IdentificationRequest;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.LoginRequest;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.Nir;
import fr.guichet.domain.Scope;
import fr.guichet.domain.VitaleSerial;
import fr.guichet.print.JournalExtract;
import fr.guichet.print.Paper;
import fr.guichet.print.PrintSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code guichet account journal}: the person reads what was done in their name, from a prompt or a
 * screen reader: one line per action, oldest first (when, what, done or refused, by whom), after a
 * line saying whether each line is linked to the one before and one naming the time zone of the
 * times (the counter's, {@code --zone}); {@code --pdf} writes the extract to print (A4, or {@code
 * --paper 80mm}), never over a file already there; {@code --json} gives scripts the entries as the
 * server sent them. The consent asked is {@code journal:read} alone, for the few minutes of the
 * command, like every {@code account} command; the sitting is closed whatever happens.
 *
 * <pre>
 * guichet account journal --nir "2 50 03 75 056 123 72" --birth-date 14/03/1950 --vitale 12345678 --pdf journal.pdf
 * </pre>
 */
@Command(name = "journal", description = "Read what was done in the person's name.")
final class AccountJournal extends SittingCommand {
  @Mixin PersonOptions person;

  @Option(names = "--pdf", paramLabel = "FILE", descriptionKey = "pdf")
  Path pdf;

  @Option(
      names = "--paper",
      paramLabel = "PAPER",
      descriptionKey = "paper",
      converter = PrintOptions.PaperConverter.class)
  Paper paper = Paper.A4;

  @Override
  Done run() {
    if (pdf != null) {
      requireWritable(pdf, "err.pdf");
      if (Files.exists(pdf)) {
        throw new Stop(Outcome.USAGE, text.text("err.pdf-exists", Map.of("file", pdf.toString())));
      }
    }
    ApiClient api = api();
    LoginRequest credentials = credentials();
    Nir nir = nir();
    BirthDate birth = birthDate();
    VitaleSerial serial = value(person.vitale, "--vitale", "ask.vitale", VitaleSerial::parse);
    requireNothingMissing();

    Sitting sitting = login(api, credentials);
    Identification who;
    List<JournalEntry> entries;
    try {
      who =
          sitting.identify(
              IdentificationRequest.byVitale(nir.value(), birth.iso(), serial.digits()));
      sitting.consent(
          person.forPersonId,
          List.of(Scope.JOURNAL_READ.wire()),
          language().tag(),
          options.zone(),
          null);
      entries = sitting.api().journal(sitting.session(), sitting.delegation());
    } catch (ApiException e) {
      throw refusal(e);
    } finally {
      close(sitting);
    }

    Person whose = whose(who);
    OptionalLong broken = JournalEntry.firstBreak(entries);
    List<String> lines = new ArrayList<>();
    lines.add(words.forWhom(whose.firstName(), whose.lastName(), whose.birthYear()));
    if (entries.isEmpty()) {
      lines.add(messages.text("journal.screen.none"));
    } else {
      lines.add(
          broken.isEmpty()
              ? messages.text("journal.screen.chain.ok")
              : messages.text("journal.screen.chain.broken", Map.of("seq", broken.getAsLong())));
    }
    PrintSettings settings = PrintSettings.of(language()).withPaper(paper).withZone(options.zone());
    if (!entries.isEmpty()) {
      lines.add(messages.text("journal.zone", Map.of("zone", settings.zone())));
    }
    for (JournalEntry e : entries) {
      lines.add(messages.text("journal.row", JournalExtract.row(e, settings)));
    }

    Map<String, Object> json = json(who, person.forPersonId);
    Map<String, Object> chain = new LinkedHashMap<>();
    chain.put("linked", broken.isEmpty());
    chain.put("firstBreak", broken.isEmpty() ? null : broken.getAsLong());
    json.put("chain", chain);
    json.put("entries", entries);
    json.put("consentReceipt", sitting.delegation().receipt());
    if (pdf != null) {
      save(whose, entries, settings, json, lines);
    }
    if (!hasWarnings()) {
      lines.add(text.text("out.revoked"));
    }
    return new Done(lines, json);
  }

  /**
   * The person whose journal this is: the one present, or the one they represent (as the
   * identification names them).
   */
  private record Person(String firstName, String lastName, int birthYear) {}

  private Person whose(Identification who) {
    return person
        .actedFor(who)
        .map(r -> new Person(r.firstName(), r.lastName(), r.birthYear()))
        .orElse(new Person(who.firstName(), who.lastName(), who.birthYear()));
  }

  /**
   * Writes the extract; the journal is read and shown either way, so a failed write is a warning,
   * not a refusal.
   */
  private void save(
      Person whose,
      List<JournalEntry> entries,
      PrintSettings settings,
      Map<String, Object> json,
      List<String> lines) {
    String name =
        whose.firstName() + " " + whose.lastName().charAt(0) + ". (" + whose.birthYear() + ")";
    try {
      Files.write(
          pdf, JournalExtract.render(name, entries, settings), StandardOpenOption.CREATE_NEW);
      json.put("pdfFile", pdf.toString());
      lines.add(text.text("out.journal.pdf", Map.of("file", pdf.toString())));
    } catch (IOException e) {
      warn(text.text("err.pdf", Map.of("file", pdf.toString())));
    }
  }
}
