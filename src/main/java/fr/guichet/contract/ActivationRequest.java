package fr.guichet.contract;

/**
 * Activating a space with the one-time code of the letter or e-mail (the Carte Vitale was shown at
 * identification).
 */
public record ActivationRequest(String code) {
  @Override
  public String toString() {
    return "ActivationRequest";
  }
}
