package io.rampart.dlp;

import static io.rampart.dlp.Lexicon.*;

/**
 * Context words, several languages. A keyword near a pattern match corroborates it; NEGATIVE
 * words (versions, order numbers) argue against a weak numeric match.
 */
final class Keywords {
  private Keywords() {}

  static final String[][] GROUPS = {
    g(CARD, "card cards credit debit visa mastercard amex discover diners jcb cc ccn cvv expiry"
        + " payment pay tarjeta carte karte kreditkarte cartao carta pan"),
    g(SSN, "ssn ssns social security ssa itin taxpayer"),
    g(PHONE, "phone phones telephone tel tlf mobile mob cell cellphone call called calling fax"
        + " whatsapp sms telefono telefone telephone portable handy movil celular reach text"
        + " contact dial"),
    g(IBAN, "iban account acct bank wire transfer konto swift bic sepa rib refund"),
    g(IP, "ip ips ipv4 ipv6 host hostname server addr address client remote peer gateway"
        + " proxy from src dst source destination node"),
    g(AADHAAR, "aadhaar aadhar uid uidai adhar"),
    g(CPF, "cpf cadastro"),
    g(NIF, "dni nif nie documento identidad"),
    g(NINO, "nino ni insurance national"),
    g(FISCAL, "fiscale codice cf codicefiscale"),
    g(SECRET, "password passwords passwd pwd pass passphrase secret secrets token tokens apikey"
        + " key keys credential credentials auth authorization bearer contrasena contraseña senha"
        + " passwort kennwort clave mdp motdepasse secretaccesskey accesskey apitoken accesstoken"
        + " authtoken clientsecret"),
    g(STRONG_SECRET, "password passwd pwd passphrase secret apikey contrasena contraseña senha"
        + " passwort kennwort"),
    g(AWS, "aws amazon secretaccesskey iam"),
    g(OPENAI, "openai gpt chatgpt"),
    g(PERSON_CTX, "name names customer client cliente patient dear mr mrs ms miss dr prof"
        + " employee user contact regards cheers sincerely thanks by from nombre nome nom"
        + " signed attn applicant holder owner manager author"),
    g(TITLE, "mr mrs ms miss dr prof sir madam herr frau sr sra senor senora"),
    g(ADDRESS, "address addresses street live lives living ship shipping billing deliver delivery"
        + " residence resides located direccion indirizzo adresse"),
    g(NEGATIVE, "version ver v build release order invoice ticket ref reference sku isbn"
        + " tracking serial model part item batch lot commit sha hash checksum uuid guid"),
    g(STREET_SUFFIX, "street st avenue ave road rd boulevard blvd lane ln drive dr court ct way"
        + " place pl terrace parkway pkwy highway hwy square sq circle cir trail close"),
    g(STREET_PREFIX, "calle via viale rue avenida rua piazza plaza avenue"),
    g(AMBIGUOUS, "will may mark june april august grace bill rose summer hope chase dawn faith"
        + " joy art guy sky jack king miles frank rich bob penny amber ruby crystal page"
        + " lane price brown white black green gray grey young long"),
    g(NOT_NAME, "the a an and or of in on at to for with from by is are was street road avenue"
        + " inc ltd llc corp company group bank university hospital monday tuesday wednesday"
        + " thursday friday saturday sunday january february march april june july august"
        + " september october november december pro max plus mini ultra air"),
  };

  private static String[] g(int bits, String words) {
    String[] w = words.split(" +");
    String[] out = new String[w.length + 1];
    out[0] = Integer.toString(bits);
    System.arraycopy(w, 0, out, 1, w.length);
    return out;
  }
}
