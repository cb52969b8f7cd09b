package io.rampart.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenFormatTest {
  @Test
  void base32MatchesRfc4648TestVectors() {
    // RFC 4648 section 10, lower-cased, without padding.
    assertThat(TokenFormat.base32("".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(TokenFormat.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("my");
    assertThat(TokenFormat.base32("foob".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("mzxw6yq");
    assertThat(TokenFormat.base32("foobar".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("mzxw6ytboi");
  }

  @Test
  void generatedTokensParseBackIntoIdAndSecret() {
    Random random = new Random(1);
    String id = TokenFormat.newId(random);
    String secret = TokenFormat.newSecret(random);
    assertThat(id).hasSize(12);
    assertThat(secret).hasSize(52);
    assertThat(TokenFormat.parse(TokenFormat.bearer(id, secret)))
        .contains(new TokenFormat.Parsed(id, secret));
    assertThat(TokenFormat.looksLikeId(id)).isTrue();
    assertThat(TokenFormat.looksLikeId(id.toUpperCase())).isFalse();
  }

  @Test
  void hashComparisonRejectsMalformedStoredValues() {
    byte[] hash = TokenFormat.sha256("value");
    assertThat(TokenFormat.matches(hash, TokenFormat.hex(hash))).isTrue();
    assertThat(TokenFormat.matches(hash, "zz")).isFalse();
    assertThat(TokenFormat.matches(hash, TokenFormat.hex(TokenFormat.sha256("other")))).isFalse();
  }
}
