package fr.guichet.forms;

/**
 * One of the common answers of a question, offered first as a numbered tile ("Pénicilline").
 *
 * @param value what the content records; never {@code other} nor {@code unknown}
 * @param coding its code in a shared terminology, or null
 */
public record Option(String value, String labelKey, Coding coding) {}
