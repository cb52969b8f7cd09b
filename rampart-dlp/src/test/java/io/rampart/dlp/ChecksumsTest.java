package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {
  @Test
  void luhnAcceptsValidAndRejectsOneDigitChange() {
    assertThat(Checksums.luhn("4111111111111111")).isTrue();
    assertThat(Checksums.luhn("4111111111111112")).isFalse();
  }

  @Test
  void ibanMod97() {
    assertThat(Checksums.ibanMod97("GB82WEST12345698765432")).isTrue();
    assertThat(Checksums.ibanMod97("GB82WEST12345698765433")).isFalse();
  }

  @Test
  void verhoeff() {
    assertThat(Checksums.verhoeff("658073021578")).isTrue();
    assertThat(Checksums.verhoeff("658073021579")).isFalse();
  }

  @Test
  void cpfRejectsRepeatedDigits() {
    assertThat(Checksums.cpf("68193036450")).isTrue();
    assertThat(Checksums.cpf("11111111111")).isFalse();
  }

  @Test
  void nifLetterAndItalianFiscalCode() {
    assertThat(Checksums.nifLetter(12345678, 'Z')).isTrue();
    assertThat(Checksums.nifLetter(12345678, 'T')).isFalse();
    assertThat(Checksums.italianFiscal("FWGMJA56C45C549I")).isTrue();
    assertThat(Checksums.italianFiscal("FWGMJA56C45C549J")).isFalse();
  }

  @Test
  void githubCrc32() {
    String t = "wtnOAmp48ddS880t0DnDzAtAIKzCYu1KqwJC";
    assertThat(Checksums.githubCrc(t.substring(0, 30), t.substring(30))).isTrue();
    assertThat(Checksums.githubCrc(t.substring(0, 30), "000000")).isFalse();
  }
}
