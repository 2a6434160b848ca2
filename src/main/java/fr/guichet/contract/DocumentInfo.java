package fr.guichet.contract;

import java.time.LocalDate;

/**
 * One document of the person's space, listed by category (labels of DOMAIN.md), without its
 * content.
 */
public record DocumentInfo(
    String documentId, String category, String title, LocalDate createdOn, long sizeBytes) {}
