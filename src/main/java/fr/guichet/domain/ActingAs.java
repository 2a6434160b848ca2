package fr.guichet.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * In whose right the person at the counter acts on a space: their own, or as the legal
 * representative of a child, the guardian of a protected adult, or a caregiver (aidant).
 *
 * <p>A caregiver can view, add and change data and documents, but never close the space, delete it,
 * or manage who has access (DOMAIN.md, "Proches aidants").
 *
 * <pre>{@code
 * ActingAs.CAREGIVING.allows(Scope.RECORD_CLOSE); // false
 * }</pre>
 */
public enum ActingAs {
  SELF(EnumSet.noneOf(Scope.class)),
  LEGAL_REPRESENTATION(EnumSet.noneOf(Scope.class)),
  GUARDIANSHIP(EnumSet.noneOf(Scope.class)),
  CAREGIVING(EnumSet.of(Scope.RECORD_CLOSE, Scope.SHARING_MANAGE));

  /** A person gives access to this many caregivers at most. */
  public static final int MAX_CAREGIVERS_PER_PERSON = 3;

  /** A caregiver helps this many people at most. */
  public static final int MAX_PEOPLE_PER_CAREGIVER = 5;

  private final Set<Scope> forbidden;

  ActingAs(Set<Scope> forbidden) {
    this.forbidden = forbidden;
  }

  public boolean allows(Scope scope) {
    return !forbidden.contains(scope);
  }

  /** Whether documents a minor keeps confidential stay hidden (R.1111-33, R.1111-50). */
  public boolean seesMinorsConfidentialCare() {
    return this != LEGAL_REPRESENTATION;
  }
}
