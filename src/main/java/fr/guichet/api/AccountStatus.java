package fr.guichet.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The state of a person's Mon Espace Santé as the server computes it today, with its dates.
 *
 * @param possibleActions what the rules allow in this state
 * @param allowedActions what the current delegation may do now (a subset)
 * @param contactChannel how the insurer reaches the person: {@code EMAIL}, {@code LETTER}
 */
public record AccountStatus(
    String personId,
    String state,
    LocalDate informationSentOn,
    LocalDate oppositionDeadline,
    Long daysLeftToOppose,
    LocalDate archiveEnd,
    LocalDate deletionDue,
    List<String> possibleActions,
    List<String> allowedActions,
    String contactChannel) {}
