package fr.guichet.domain;

/**
 * In whose right the person at the counter acts on a space: their own; as the legal representative
 * a child is attached to; as the second legal representative the first shared the child's profile
 * with; as the tutor of an adult under tutelle (who represents them); as the curator of an adult
 * under curatelle (who assists them: the person acts, the curator is beside them); or as a
 * caregiver (aidant).
 *
 * <p>What each may do, in which state of the space, is in {@link RuleTable}; this type says who
 * they are.
 *
 * <pre>{@code
 * ActingAs.CAREGIVING.allows(Scope.RECORD_CLOSE); // false: a caregiver never closes
 * ActingAs.LEGAL_REPRESENTATION.parental();       // true: ends when the child is 18
 * }</pre>
 */
public enum ActingAs {
  SELF,
  /** The legal representative the child is attached to at the insurer. */
  LEGAL_REPRESENTATION,
  /** The other legal representative, once they accepted the share of the child's profile. */
  SECOND_PARENT,
  /** Tutelle: the tutor represents the protected adult, asking their opinion first. */
  GUARDIANSHIP,
  /** Curatelle: the curator assists; alone, they only look. */
  CURATORSHIP,
  CAREGIVING;

  /** A person gives access to this many caregivers at most. */
  public static final int MAX_CAREGIVERS_PER_PERSON = 3;

  /** A caregiver helps this many people at most. */
  public static final int MAX_PEOPLE_PER_CAREGIVER = 5;

  /** Whether anything this kind of person may do needs {@code scope}. */
  public boolean allows(Scope scope) {
    return RuleTable.reaches(this, scope);
  }

  /** A parent's right to act, which ends on the child's 18th birthday. */
  public boolean parental() {
    return this == LEGAL_REPRESENTATION || this == SECOND_PARENT;
  }

  /**
   * Whether documents hidden from representatives (a minor's confidential care, R.1111-33,
   * R.1111-50) are shown: to the person only, never to anyone acting for them.
   */
  public boolean seesDocumentsHiddenFromRepresentatives() {
    return this == SELF;
  }
}
