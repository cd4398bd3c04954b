package vn.tiendo.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the anomaly rules (prefix {@code tiendo.anomalies}). Reports for a month are due by
 * {@code reportDueDay} of the next month (the DTI plan: divisions report before the 20th).
 */
@ConfigurationProperties(prefix = "tiendo.anomalies")
public record AnomalyRules(Integer reportDueDay, Integer reassignmentWindowDays, Integer correctionsPerActor, Integer correctionsWindowDays) {

    public AnomalyRules {
        reportDueDay = reportDueDay == null ? 20 : reportDueDay;
        reassignmentWindowDays = reassignmentWindowDays == null ? 30 : reassignmentWindowDays;
        correctionsPerActor = correctionsPerActor == null ? 5 : correctionsPerActor;
        correctionsWindowDays = correctionsWindowDays == null ? 90 : correctionsWindowDays;
    }
}
