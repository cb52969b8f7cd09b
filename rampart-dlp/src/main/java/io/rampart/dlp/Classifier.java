package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Assigns a {@link SensitivityLabel} from findings using an ordered list of rules. */
public final class Classifier {
  private final List<ClassificationRule> rules;

  private Classifier(List<ClassificationRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Classifier create(List<ClassificationRule> rules) {
    return new Classifier(requireNonNull(rules, "rules"));
  }

  /**
   * The default policy: any secret or a high-confidence government/financial identifier is
   * highly confidential; identifiers at medium or 3+ contact details are confidential; any other
   * finding makes content general.
   */
  public static Classifier createDefault() {
    return create(List.of(
        new ClassificationRule(SensitivityLabel.HIGHLY_CONFIDENTIAL, EntityTypes.SECRETS,
            Confidence.MEDIUM, 1),
        new ClassificationRule(SensitivityLabel.HIGHLY_CONFIDENTIAL, EntityTypes.IDENTIFIERS,
            Confidence.HIGH, 1),
        new ClassificationRule(SensitivityLabel.HIGHLY_CONFIDENTIAL, Set.of(), Confidence.MEDIUM,
            20),
        new ClassificationRule(SensitivityLabel.CONFIDENTIAL, EntityTypes.IDENTIFIERS,
            Confidence.MEDIUM, 1),
        new ClassificationRule(SensitivityLabel.CONFIDENTIAL, EntityTypes.CONTACT,
            Confidence.MEDIUM, 3),
        new ClassificationRule(SensitivityLabel.GENERAL, Set.of(), Confidence.LOW, 1)));
  }

  public List<ClassificationRule> rules() {
    return rules;
  }

  public Classification classify(List<Finding> findings) {
    requireNonNull(findings, "findings");
    Map<String, Integer> counts = new TreeMap<>();
    findings.forEach(f -> counts.merge(f.type(), 1, Integer::sum));
    SensitivityLabel label = SensitivityLabel.PUBLIC;
    List<String> reasons = new ArrayList<>();
    for (ClassificationRule r : rules) {
      Map<String, Integer> hit = new TreeMap<>();
      int n = 0;
      for (Finding f : findings) {
        if ((r.types().isEmpty() || r.types().contains(f.type()))
            && f.confidence().compareTo(r.minConfidence()) >= 0) {
          n++;
          hit.merge(f.type(), 1, Integer::sum);
        }
      }
      if (n >= r.minCount()) {
        if (r.label().compareTo(label) > 0) {
          label = r.label();
        }
        StringBuilder why = new StringBuilder(r.label().id()).append(": ");
        hit.forEach((t, c) -> why.append(c).append(" x ").append(t).append(", "));
        why.setLength(why.length() - 2);
        why.append(" (confidence >= ").append(r.minConfidence().id());
        why.append(r.minCount() > 1 ? ", at least " + r.minCount() + ")" : ")");
        reasons.add(why.toString());
      }
    }
    return new Classification(label, reasons, counts);
  }
}
