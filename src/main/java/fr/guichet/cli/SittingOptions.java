package fr.guichet.cli;

import picocli.CommandLine.Option;

/**
 * What every {@code guichet account} command needs to open a sitting: the server, the mediator's
 * credentials, the person's social security number and birth date, and the counter's time zone
 * (written with the consent, so that the receipts and the verification page give its times). A
 * value left out is taken from the environment ({@code GUICHET_API}, {@code GUICHET_LOGIN}, {@code
 * GUICHET_PASSWORD}) or asked for on the terminal; without a terminal, its absence is a usage
 * error.
 */
final class SittingOptions {
  @Option(
      names = "--api",
      paramLabel = "URL",
      descriptionKey = "api",
      defaultValue = "${env:GUICHET_API}")
  String api;

  @Option(
      names = "--login",
      paramLabel = "LOGIN",
      descriptionKey = "login",
      defaultValue = "${env:GUICHET_LOGIN}")
  String login;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      descriptionKey = "password",
      defaultValue = "${env:GUICHET_PASSWORD}")
  String password;

  @Option(names = "--totp", paramLabel = "CODE", descriptionKey = "totp")
  String totp;

  @Option(names = "--nir", paramLabel = "NIR", descriptionKey = "nir")
  String nir;

  @Option(names = "--birth-date", paramLabel = "DATE", descriptionKey = "birth-date")
  String birthDate;

  @Option(names = "--json", descriptionKey = "json")
  boolean json;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      descriptionKey = "zone",
      converter = PrintOptions.ZoneConverter.class)
  java.time.ZoneId zone;

  /** The counter's zone: the one given, else the machine's. */
  java.time.ZoneId zone() {
    return zone != null ? zone : java.time.ZoneId.systemDefault();
  }
}
