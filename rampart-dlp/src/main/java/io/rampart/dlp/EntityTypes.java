package io.rampart.dlp;

import java.util.List;
import java.util.Set;

/** Canonical ids of the built-in finding types and the families they belong to. */
public final class EntityTypes {
  private EntityTypes() {}

  public static final String EMAIL_ADDRESS = "EMAIL_ADDRESS";
  public static final String PHONE_NUMBER = "PHONE_NUMBER";
  public static final String CREDIT_CARD = "CREDIT_CARD";
  public static final String IBAN_CODE = "IBAN_CODE";
  public static final String US_SSN = "US_SSN";
  public static final String IP_ADDRESS = "IP_ADDRESS";
  public static final String PERSON = "PERSON";
  public static final String STREET_ADDRESS = "STREET_ADDRESS";
  public static final String UK_NINO = "UK_NINO";
  public static final String ES_NIF = "ES_NIF";
  public static final String IT_FISCAL_CODE = "IT_FISCAL_CODE";
  public static final String IN_AADHAAR = "IN_AADHAAR";
  public static final String BR_CPF = "BR_CPF";
  public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
  public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
  public static final String AZURE_STORAGE_KEY = "AZURE_STORAGE_KEY";
  public static final String AZURE_SAS_TOKEN = "AZURE_SAS_TOKEN";
  public static final String OPENAI_API_KEY = "OPENAI_API_KEY";
  public static final String ANTHROPIC_API_KEY = "ANTHROPIC_API_KEY";
  public static final String GITHUB_TOKEN = "GITHUB_TOKEN";
  public static final String SLACK_TOKEN = "SLACK_TOKEN";
  public static final String STRIPE_SECRET_KEY = "STRIPE_SECRET_KEY";
  public static final String GOOGLE_API_KEY = "GOOGLE_API_KEY";
  public static final String JWT = "JWT";
  public static final String PRIVATE_KEY = "PRIVATE_KEY";
  public static final String CREDENTIALS_IN_URL = "CREDENTIALS_IN_URL";
  public static final String GENERIC_SECRET = "GENERIC_SECRET";

  /** Credentials and keys: anything that grants access. */
  public static final Set<String> SECRETS =
      Set.of(
          AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AZURE_STORAGE_KEY, AZURE_SAS_TOKEN,
          OPENAI_API_KEY, ANTHROPIC_API_KEY, GITHUB_TOKEN, SLACK_TOKEN, STRIPE_SECRET_KEY,
          GOOGLE_API_KEY, JWT, PRIVATE_KEY, CREDENTIALS_IN_URL, GENERIC_SECRET);

  /** Government identifiers and financial account numbers. */
  public static final Set<String> IDENTIFIERS =
      Set.of(CREDIT_CARD, IBAN_CODE, US_SSN, UK_NINO, ES_NIF, IT_FISCAL_CODE, IN_AADHAAR, BR_CPF);

  /** Contact and personal details. */
  public static final Set<String> CONTACT =
      Set.of(EMAIL_ADDRESS, PHONE_NUMBER, IP_ADDRESS, PERSON, STREET_ADDRESS);

  /** Every built-in type, in a stable order. */
  public static final List<String> ALL =
      List.of(
          EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN, IP_ADDRESS, PERSON,
          STREET_ADDRESS, UK_NINO, ES_NIF, IT_FISCAL_CODE, IN_AADHAAR, BR_CPF, AWS_ACCESS_KEY_ID,
          AWS_SECRET_ACCESS_KEY, AZURE_STORAGE_KEY, AZURE_SAS_TOKEN, OPENAI_API_KEY,
          ANTHROPIC_API_KEY, GITHUB_TOKEN, SLACK_TOKEN, STRIPE_SECRET_KEY, GOOGLE_API_KEY, JWT,
          PRIVATE_KEY, CREDENTIALS_IN_URL, GENERIC_SECRET);
}
