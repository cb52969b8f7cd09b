package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DetectorsTest {
  private final DlpEngine engine = DlpEngine.create();

  private List<String> types(String text) {
    return engine.scan(text).stream().map(Finding::type).toList();
  }

  private String only(String text, String type) {
    List<Finding> found = engine.scan(text).stream().filter(f -> f.type().equals(type)).toList();
    assertThat(found).as(text).hasSize(1);
    return found.get(0).value(text);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      EMAIL_ADDRESS      | write to ana.costa+ml@globex.net today         | ana.costa+ml@globex.net
      PHONE_NUMBER       | call +44 7911 123456 after lunch               | +44 7911 123456
      PHONE_NUMBER       | phone: (415) 555-2671                          | (415) 555-2671
      CREDIT_CARD        | card 4111 1111 1111 1111 expires               | 4111 1111 1111 1111
      IBAN_CODE          | IBAN GB82 WEST 1234 5698 7654 32 please        | GB82 WEST 1234 5698 7654 32
      US_SSN             | SSN 123-45-6789 on file                        | 123-45-6789
      IP_ADDRESS         | login from 203.0.113.7 failed                  | 203.0.113.7
      IP_ADDRESS         | host 2001:db8:85a3::8a2e:370:7334 is up        | 2001:db8:85a3::8a2e:370:7334
      PERSON             | Dear team, Giulia Romano will join             | Giulia Romano
      STREET_ADDRESS     | ship to 742 Evergreen Terrace, Springfield     | 742 Evergreen Terrace, Springfield
      UK_NINO            | NI number AB123456C                            | AB123456C
      ES_NIF             | DNI 12345678Z del titular                      | 12345678Z
      IT_FISCAL_CODE     | codice fiscale FWGMJA56C45C549I                | FWGMJA56C45C549I
      IN_AADHAAR         | aadhaar 6580 7302 1578 linked                  | 6580 7302 1578
      BR_CPF             | CPF 681.930.364-50 do cliente                  | 681.930.364-50
      AWS_ACCESS_KEY_ID  | key AKIAZ7Q2M4K6N8P3R5T7 here                  | AKIAZ7Q2M4K6N8P3R5T7
      GITHUB_TOKEN       | GH_TOKEN=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 | 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
      SLACK_TOKEN        | xoxb-30917482561-708293746150-Ab3De5Gh7Jk9Lm1No3Pq5Rs7 ok | xoxb-30917482561-708293746150-Ab3De5Gh7Jk9Lm1No3Pq5Rs7
      STRIPE_SECRET_KEY  | Stripe.apiKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc" | sk_live_4eC39HqLyjWDarjtT1zdp7dc
      GOOGLE_API_KEY     | key=AIzaSyD3k9Qm-x7T2pL0vB8nR4sW6yZ1aC5eF7g | AIzaSyD3k9Qm-x7T2pL0vB8nR4sW6yZ1aC5eF7g
      CREDENTIALS_IN_URL | postgres://app:Xk9#pQ2mLw@db.internal/prod     | Xk9#pQ2mLw
      GENERIC_SECRET     | DB_PASSWORD=Tr0ub4dor&3xQ                      | Tr0ub4dor&3xQ
      """)
  void findsBuiltInType(String type, String text, String value) {
    assertThat(only(text, type)).isEqualTo(value);
  }

  @Test
  void findsJwtWithDecodableHeader() {
    String jwt = "eyJ0eXAiOiAiSldUIiwgImFsZyI6ICJFZERTQSJ9.eyJzdWIiOiAiYU1SVHZldHciLCAiZXhwIjogMTc4Mj"
        + "E1ODQ5OH0.9Ox98whGcTZc1UWb5fxzpF7STG7nVLe3lARUsRJlNON";
    assertThat(only("Authorization: Bearer " + jwt, "JWT")).isEqualTo(jwt);
  }

  @Test
  void findsPemPrivateKeyBlockWhole() {
    String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
        + "-----END OPENSSH PRIVATE KEY-----";
    assertThat(only("my key:\n" + pem + "\nthanks", "PRIVATE_KEY")).isEqualTo(pem);
  }

  @Test
  void findsOpenAiAndAnthropicKeys() {
    String openai = "sk-proj-" + "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4Cd5Ef6Gh7";
    String anthropic = "sk-ant-api03-" + "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8Ba7Zy6Xw5Vu4Ts3Rq2-AA";
    assertThat(only("OPENAI_API_KEY=" + openai, "OPENAI_API_KEY")).isEqualTo(openai);
    assertThat(only("key: " + anthropic, "ANTHROPIC_API_KEY")).isEqualTo(anthropic);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      declined card 4111 1111 1111 1112
      IBAN GB83 WEST 1234 5698 7654 32 bounced
      placeholder SSN 666-12-3456 and 000-12-3456
      revoked gho_wtnOAmp48ddS880t0DnDzAtAIKzCYu1KqwJD
      OPENAI_API_KEY=sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
      api_key: <your-api-key>
      token: ${OPENAI_API_KEY}
      request 3f2b8c1e-9d4a-4e6b-8f0a-1c2d3e4f5a6b done
      commit 39263059f28c105d1fb17c2390c192cfd3ac94af merged
      password: 5f4dcc3b5aa765d61d8327deb882cf99
      upgraded to version 2.14.3 and 10.0.19041.1
      Order #84268465 shipped; invoice ORD-721590
      the aadhaar-like 6580 7302 1579 fails
      AKIAIOSFODNN7EXAMPLE is the documented example
      """)
  void ignoresLookAlikes(String text) {
    assertThat(types(text)).as(text).isEmpty();
  }

  @Test
  void raisesConfidenceWithKeywordNearby() {
    Finding bare = engine.scan("ref 4111111111111111").get(0);
    Finding near = engine.scan("credit card 4111111111111111").get(0);
    assertThat(bare.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(near.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(near.score()).isGreaterThan(bare.score());
  }

  @Test
  void bareNineDigitsNeedSsnContext() {
    assertThat(types("number 123456789 here")).isEmpty();
    assertThat(types("my SSN is 123456789")).containsExactly("US_SSN");
  }

  @Test
  void loneGivenNameIsNotAPerson() {
    assertThat(types("Thanks, Steven.")).isEmpty();
  }

  @Test
  void filtersBelowMinimumConfidence() {
    DlpEngine strict = DlpEngine.create(DlpConfig.builder().minConfidence(Confidence.HIGH).build());
    assertThat(strict.scan("lines 415-555-2671 or 415-555-2672").stream().map(Finding::type))
        .isEmpty();
    assertThat(strict.scan("phone: 415-555-2671")).hasSize(1);
  }

  @Test
  void disabledTypesAreNotReported() {
    DlpEngine noEmail = DlpEngine.create(DlpConfig.builder().disableType("EMAIL_ADDRESS").build());
    assertThat(noEmail.scan("mail ana@globex.net")).isEmpty();
  }

  @Test
  void findingToStringNeverContainsTheValue() {
    String text = "SSN 123-45-6789";
    assertThat(engine.scan(text).get(0).toString()).doesNotContain("6789");
  }
}
