package fr.guichet.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When the section changed on the server while the person was answering (at home, or at another
 * counter), puts both together: what the other side wrote stays, and what the person changed here
 * since they read it is applied on top. A three-way merge on the version both started from. The
 * result is only a proposal: the person reads it back before it is sent.
 *
 * <pre>{@code
 * SectionContent merged = SectionMerge.merge(form, whatWeRead, ourAnswers, whatIsThereNow);
 * }</pre>
 */
public final class SectionMerge {
  private SectionMerge() {}

  public static SectionContent merge(
      SectionForm form, SectionContent base, SectionContent mine, SectionContent theirs) {
    if (form.repeated()) {
      List<Entry> removedHere =
          base.entries().stream().filter(e -> !mine.entries().contains(e)).toList();
      List<Entry> addedHere =
          mine.entries().stream().filter(e -> !base.entries().contains(e)).toList();
      Set<Entry> merged = new LinkedHashSet<>(theirs.entries());
      removedHere.forEach(merged::remove);
      merged.addAll(addedHere);
      List<Entry> entries = new ArrayList<>(merged);
      Status status =
          !entries.isEmpty()
              ? Status.FILLED
              : mine.status() != base.status() ? mine.status() : theirs.status();
      return new SectionContent(
          status,
          status == Status.NOT_CONCERNED ? firstNonNull(mine.since(), theirs.since()) : null,
          theirs.on(),
          entries,
          Entry.EMPTY,
          theirs.extra());
    }
    Entry answers = theirs.answers();
    Set<String> names = new LinkedHashSet<>(base.answers().values().keySet());
    names.addAll(mine.answers().values().keySet());
    for (String name : names) {
      JsonNode before = base.answers().get(name);
      JsonNode now = mine.answers().get(name);
      if (!Objects.equals(before, now)) {
        answers = now == null ? answers.without(name) : answers.with(name, now);
      }
    }
    boolean changedHere = !Objects.equals(base.answers(), mine.answers());
    return new SectionContent(
        answers.isEmpty() ? Status.EMPTY : Status.FILLED,
        null,
        changedHere ? mine.on() : theirs.on(),
        List.of(),
        answers,
        theirs.extra());
  }

  private static <T> T firstNonNull(T a, T b) {
    return a != null ? a : b;
  }
}
