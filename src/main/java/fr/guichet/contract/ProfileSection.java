package fr.guichet.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One section of the medical profile and its version; the version is also the {@code ETag} a write
 * must send back in {@code If-Match}, so that nobody overwrites a change they have not seen.
 *
 * @param content the section's answers, as the form of that section defines them; empty before any
 *     write
 */
public record ProfileSection(
    String section, long version, JsonNode content, Instant updatedAt, Receipt receipt) {}
