package vn.tiendo.query.emulation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

/**
 * The campaign score's weights ({@code tiendo.emulation.score.*}): points for each campaign target an agency's
 * indicator meets, for reports on time (the share on time, late ones counting half), for tasks done on time (the
 * share), and a penalty for each anomaly flag on the indicators the campaign counts.
 */
@ConfigurationProperties("tiendo.emulation.score")
public record ScoreWeights(BigDecimal targetMet, BigDecimal reportsOnTime, BigDecimal tasksOnTime, BigDecimal anomalyPenalty) {

    public ScoreWeights {
        targetMet = targetMet == null ? BigDecimal.TEN : targetMet;
        reportsOnTime = reportsOnTime == null ? BigDecimal.valueOf(20) : reportsOnTime;
        tasksOnTime = tasksOnTime == null ? BigDecimal.TEN : tasksOnTime;
        anomalyPenalty = anomalyPenalty == null ? BigDecimal.valueOf(2) : anomalyPenalty;
    }
}
