package fr.guichet.sandbox;

/**
 * What one request is about, filled in as the server learns it (which action, which mediator, for
 * which person, under which consent), so that a refusal at any point is journaled in the right
 * chain with what was known.
 */
final class Audit {
  static final String ATTRIBUTE = "guichet.audit";

  final String action;
  String actor = "anonymous";
  String structureId;
  String mediatorId;
  String personId;
  String consentId;

  /** What must be written even if the request is refused (failure counters), after the rollback. */
  final java.util.List<Database.Work<?>> onRefusal = new java.util.ArrayList<>();

  void onRefusal(Database.Work<?> work) {
    onRefusal.add(work);
  }

  Audit(String action) {
    this.action = action;
  }

  /** The person's chain when the person is known, else the mediator's, else the system chain. */
  String chain() {
    if (personId != null) {
      return Journal.personChain(personId);
    }
    if (mediatorId != null) {
      return Journal.mediatorChain(mediatorId);
    }
    return Journal.SYSTEM_CHAIN;
  }

  Journal.Line line(String outcome, String detail) {
    return new Journal.Line(actor, structureId, consentId, action, outcome, detail);
  }
}
