package fr.guichet.sandbox;

import fr.guichet.contract.ActionResult;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.contract.ShareRequest;
import fr.guichet.domain.AccountState;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.BirthDate;
import fr.guichet.domain.ProfileShare;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sharing a child's profile with the second legal representative (DOMAIN.md): the parent the child
 * is attached to invites the other parent, who must have an active space; the invitation waits
 * {@link ProfileShare#ANSWER_DELAY} for an answer given on the invited parent's own space;
 * accepted, it makes them {@link ActingAs#SECOND_PARENT} until the child is 18 or the first parent
 * ends it, which revokes at once their live delegations. Both parents are told at every step (the
 * outbox), and each step has its receipt and its lines in the journals of the child and the invited
 * parent.
 *
 * <pre>{@code
 * ActionResult invited = shares.invite(c, principal, grantForEmma, request, audit);
 * ActionResult answered = shares.answer(c, principal, grantForMarie, shareId, true, audit);
 * ActionResult ended = shares.end(c, principal, grantForEmma, shareId, audit);
 * }</pre>
 */
final class Shares {
  private final Rules rules;
  private final Journal journal;
  private final Receipts receipts;
  private final Accounts accounts;
  private final Delegations delegations;
  private final Identifications identifications;
  private final PersonStore persons;
  private final RepresentationStore representations;
  private final ShareStore shares;
  private final OutboxStore outbox;

  Shares(
      Rules rules,
      Journal journal,
      Receipts receipts,
      Accounts accounts,
      Delegations delegations,
      Identifications identifications,
      PersonStore persons,
      RepresentationStore representations,
      ShareStore shares,
      OutboxStore outbox) {
    this.rules = rules;
    this.journal = journal;
    this.receipts = receipts;
    this.accounts = accounts;
    this.delegations = delegations;
    this.identifications = identifications;
    this.persons = persons;
    this.representations = representations;
    this.shares = shares;
    this.outbox = outbox;
  }

  /** The parent the child is attached to invites the other legal representative. */
  ActionResult invite(
      Connection c, Principal principal, Grant grant, ShareRequest request, Audit audit)
      throws SQLException {
    LocalDate today = rules.today();
    Person child = persons.require(c, grant.personId());
    Person inviter = persons.require(c, grant.identifiedPersonId());
    Person invitee =
        identifications.lookUp(
            c,
            principal,
            request.nir(),
            PersonStore.named(
                request.lastName(),
                request.firstName(),
                BirthDate.read(request.birthDate(), today)),
            "share-parent-unknown",
            audit);
    if (invitee.id().equals(inviter.id()) || invitee.id().equals(child.id())) {
      throw new ProblemException(
          409, "share-self", "the parent who manages the profile cannot be invited to it");
    }
    if (invitee.account().on(today, rules.oppositionPeriod()).state() != AccountState.ACTIVE) {
      throw new ProblemException(
          409, "share-needs-active-space", "the second parent must have an active space");
    }
    if (representations.kind(c, invitee.id(), child.id()).isPresent()
        || shares.pending(c, child.id(), invitee.id(), today)) {
      throw new ProblemException(
          409, "share-already", "this parent already has access or a pending invitation");
    }
    String id = "shr-" + UUID.randomUUID();
    shares.insert(c, id, child.id(), inviter.id(), invitee.id(), today);
    ShareStore.Stored share = shares.find(c, id).orElseThrow();
    tell(
        c,
        principal,
        inviter,
        "vous proposez à "
            + invitee.first()
            + " "
            + invitee.last()
            + " de partager le profil de "
            + share.childName()
            + ". Réponse attendue avant le "
            + share.share().expiresOn()
            + ".");
    tell(
        c,
        principal,
        invitee,
        inviter.first()
            + " "
            + inviter.last()
            + " vous propose de partager le profil de "
            + share.childName()
            + ". Répondez avant le "
            + share.share().expiresOn()
            + ", avec votre médiatrice ou votre médiateur.");
    return done(c, principal, grant, child, share, ReceiptKind.SHARE_INVITED, invitee, audit);
  }

  /** The invited parent accepts or refuses, on their own space. */
  ActionResult answer(
      Connection c, Principal principal, Grant grant, String shareId, boolean accept, Audit audit)
      throws SQLException {
    LocalDate today = rules.today();
    ShareStore.Stored share = share(c, shareId, ShareStore.Stored::inviteeId, grant);
    requirePending(share, today);
    Person child = persons.require(c, share.childId());
    if (!child.birth().minorOn(today)) {
      throw new ProblemException(
          403,
          "representation-ended",
          "the child is an adult now",
          Map.of("adultOn", child.birth().adultOn().toString()));
    }
    ProfileShare.Status status =
        accept ? ProfileShare.Status.ACCEPTED : ProfileShare.Status.REFUSED;
    shares.update(c, shareId, status, today);
    if (accept) {
      representations.add(c, share.inviteeId(), child.id(), ActingAs.SECOND_PARENT);
    }
    String words = accept ? "a accepté" : "a refusé";
    tell(
        c,
        principal,
        persons.require(c, share.inviterId()),
        share.inviteeName() + " " + words + " de partager le profil de " + share.childName() + ".");
    tell(
        c,
        principal,
        persons.require(c, share.inviteeId()),
        "vous avez "
            + (accept ? "accepté" : "refusé")
            + " de partager le profil de "
            + share.childName()
            + ".");
    Person invitee = persons.require(c, grant.personId());
    return done(
        c,
        principal,
        grant,
        invitee,
        shares.find(c, shareId).orElseThrow(),
        accept ? ReceiptKind.SHARE_ACCEPTED : ReceiptKind.SHARE_REFUSED,
        child,
        audit);
  }

  /**
   * The parent the child is attached to ends a share, or withdraws an invitation still waiting: the
   * second parent's live delegations on the child end at once.
   */
  ActionResult end(Connection c, Principal principal, Grant grant, String shareId, Audit audit)
      throws SQLException {
    LocalDate today = rules.today();
    ShareStore.Stored share = share(c, shareId, ShareStore.Stored::childId, grant);
    ProfileShare.Status now = share.share().statusOn(today);
    if (now != ProfileShare.Status.PENDING && now != ProfileShare.Status.ACCEPTED) {
      throw new ProblemException(
          409, "share-over", "this share is over already", Map.of("status", now.name()));
    }
    shares.update(c, shareId, ProfileShare.Status.ENDED, today);
    if (now == ProfileShare.Status.ACCEPTED
        && representations.remove(c, share.inviteeId(), share.childId(), ActingAs.SECOND_PARENT)) {
      delegations.revokeBuiltOn(
          c, principal, share.inviteeId(), share.childId(), ActingAs.SECOND_PARENT, audit);
    }
    String sentence = "le partage du profil de " + share.childName() + " est terminé.";
    tell(c, principal, persons.require(c, share.inviterId()), sentence);
    Person invitee = persons.require(c, share.inviteeId());
    tell(c, principal, invitee, sentence);
    return done(
        c,
        principal,
        grant,
        persons.require(c, share.childId()),
        shares.find(c, shareId).orElseThrow(),
        ReceiptKind.SHARE_ENDED,
        invitee,
        audit);
  }

  private static void requirePending(ShareStore.Stored share, LocalDate today) {
    ProfileShare.Status now = share.share().statusOn(today);
    if (now == ProfileShare.Status.EXPIRED) {
      throw new ProblemException(
          409,
          "share-expired",
          "the invitation has expired",
          Map.of("expiresOn", share.share().expiresOn().toString()));
    }
    if (now != ProfileShare.Status.PENDING) {
      throw new ProblemException(
          409, "share-over", "this invitation was answered already", Map.of("status", now.name()));
    }
  }

  /**
   * The share whose {@code side} (the invited parent, or the child) is the person the grant acts
   * for; any other share is refused as unknown, so that its existence stays hidden.
   */
  private ShareStore.Stored share(
      Connection c, String shareId, Function<ShareStore.Stored, String> side, Grant grant)
      throws SQLException {
    return shares
        .find(c, shareId)
        .filter(s -> side.apply(s).equals(grant.personId()))
        .orElseThrow(
            () -> new ProblemException(404, "share-unknown", "no such share for this person"));
  }

  /** A message to a parent, by e-mail, else SMS, else letter. */
  private void tell(Connection c, Principal principal, Person parent, String sentence)
      throws SQLException {
    String channel = parent.email() != null ? "EMAIL" : parent.phone() != null ? "SMS" : "LETTER";
    String destination =
        parent.email() != null
            ? parent.email()
            : parent.phone() != null
                ? parent.phone()
                : "adresse postale connue de l'Assurance maladie";
    Instant now = rules.clock().instant();
    outbox.insert(
        c,
        parent.id(),
        principal.structureId(),
        channel,
        destination,
        "Mon Espace Santé : " + Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1),
        now);
  }

  private ActionResult done(
      Connection c,
      Principal principal,
      Grant grant,
      Person person,
      ShareStore.Stored share,
      ReceiptKind kind,
      Person other,
      Audit audit)
      throws SQLException {
    Map<String, Object> facts = new java.util.LinkedHashMap<>();
    facts.put("share", share.id());
    facts.put("child", share.childName());
    facts.put("secondParent", share.inviteeName());
    facts.put("status", share.share().statusOn(rules.today()).name());
    facts.put("expiresOn", share.share().expiresOn().toString());
    facts.put("mediator", principal.displayName());
    facts.put("structure", principal.structureName());
    facts.putAll(grant.actorFacts());
    Receipt receipt = receipts.issue(c, kind, person, grant.consentId(), facts);
    Journal.Line line =
        audit.line("OK", share.id() + " " + kind + ", receipt " + receipt.receiptId());
    journal.append(c, audit.chain(), line);
    journal.append(c, Journal.personChain(other.id()), line);
    return new ActionResult(accounts.view(c, grant), receipt);
  }
}
