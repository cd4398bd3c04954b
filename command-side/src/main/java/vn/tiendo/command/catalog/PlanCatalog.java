package vn.tiendo.command.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.tiendo.command.agency.RegisterAgency;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.plan.RegisterPlan;
import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.common.TaskDeadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real plans' tables (catalog/*.json, extracted from the documents in shared/seeds) as commands: the agencies,
 * Decision 1305/QĐ-UBND (strategy 2025–2030, Appendices I and II) and the DTI 2025 plan of the Department of Science
 * and Technology (Appendices I and II). What the tables leave open is decided here and said in README.md.
 */
public final class PlanCatalog {

    public static final String STRATEGY = "QD-1305-2025";
    public static final String DTI = "KH-SKHCN-DTI-2025";
    private static final List<String> LEVELS = List.of("D", "C", "B", "A");

    private final ObjectMapper json;
    private final AgencyDirectory agencies;

    public PlanCatalog(ObjectMapper json) {
        this.json = json;
        this.agencies = AgencyDirectory.fromClasspath(json);
    }

    public AgencyDirectory agencyDirectory() {
        return agencies;
    }

    public List<RegisterAgency> agencies() {
        return agencies.agencies().stream().map(a -> new RegisterAgency(a.id(), a.name(), a.kind(), a.parentId())).toList();
    }

    public List<RegisterPlan> plans() {
        return List.of(
                new RegisterPlan(STRATEGY, "1305/QĐ-UBND", LocalDate.of(2025, 10, 29), "UBND tỉnh Bắc Ninh",
                        "Quyết định phê duyệt Chiến lược chuyển đổi số tỉnh Bắc Ninh giai đoạn 2025-2030",
                        LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31)),
                // The document circulates without its number and date ("Số: /KH-SKHCN"); both are kept as written.
                new RegisterPlan(DTI, "/KH-SKHCN", null, "Sở Khoa học và Công nghệ",
                        "Kế hoạch nâng cao chỉ số chuyển đổi số (DTI) tỉnh Bắc Ninh năm 2025 của Sở Khoa học và Công nghệ",
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
    }

    /** Appendix I of Decision 1305 (41 indicators) and of the DTI plan (50 indicators). */
    public List<DefineIndicator> indicators() {
        List<DefineIndicator> result = new ArrayList<>();
        for (JsonNode row : read("000_indicators.json")) {
            String code = row.get("code").asText();
            String agency = agencies.resolve(row.get("agency").asText()).orElseThrow(() -> unknown(row.get("agency")));
            MeasureKind kind = row.path("unit").asText("").contains("%") ? MeasureKind.PERCENT : MeasureKind.SCORE;
            List<Target> targets = new ArrayList<>();
            JsonNode written = row.get("targets_as_written");
            JsonNode values = row.get("target_values");
            // Two columns: end of 2025 and end of 2030. Rows with one target do not say which year; it is taken as
            // the strategy's end (2030), the only reading that cannot make an indicator overdue too early.
            List<Integer> years = written.size() == 2 ? List.of(2025, 2030) : List.of(2030);
            for (int i = 0; i < written.size(); i++) {
                BigDecimal value = values.get(i).decimalValue();
                targets.add(new Target(Period.year(years.get(i)), vn.tiendo.events.common.Comparator.fromSymbol(row.get("comparator").asText()),
                        kind == MeasureKind.PERCENT ? new MeasuredValue.Percent(value) : new MeasuredValue.Score(value),
                        written.get(i).asText()));
            }
            result.add(new DefineIndicator(STRATEGY + "." + code, STRATEGY, code, row.get("name").asText(),
                    row.path("unit").isNull() ? "chỉ số" : row.get("unit").asText(), Measure.of(kind), Direction.INCREASE,
                    null, null, targets, agency, agency, LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31)));
        }
        for (JsonNode row : read("002_indicators.json")) {
            String code = row.get("code").asText();
            String division = text(row, "lead_division");
            String monitoring = agencies.resolve(division).orElse("so-khcn");
            String lead = agencies.resolve(text(row, "lead_agency")).orElse(monitoring);
            MeasureKind kind = switch (row.get("kind").asText()) {
                case "pass_fail" -> MeasureKind.PASS_FAIL;
                case "ratio" -> MeasureKind.RATIO;
                case "level" -> MeasureKind.LEVEL;
                case "percent" -> MeasureKind.PERCENT;
                default -> MeasureKind.TEXT;
            };
            String targetText = text(row, "target_2025");
            Optional<TargetText.Parsed> parsed = TargetText.parse(targetText, kind);
            if (parsed.isEmpty() && targetText != null && Names.normalize(targetText).startsWith("dat")) {
                kind = MeasureKind.PASS_FAIL; // "Đạt: Được Bộ KH&CN công nhận đạt chuẩn": judged as achieved or not
                parsed = TargetText.parse(targetText, kind);
            }
            if (parsed.isEmpty()) {
                kind = MeasureKind.TEXT; // free text ("Mỗi cơ quan ... có ít nhất 1-5 cán bộ"): kept verbatim, judged by people
            }
            List<Target> targets = new ArrayList<>();
            if (targetText != null) {
                targets.add(parsed.map(p -> new Target(Period.year(2025), p.comparator(), p.value(), targetText))
                        .orElse(new Target(Period.year(2025), vn.tiendo.events.common.Comparator.EQ, new MeasuredValue.Text(targetText), targetText)));
            }
            MeasureKind measured = kind;
            String baselineText = text(row, "baseline_bac_ninh_2024");
            MeasuredValue baseline = measured == MeasureKind.TEXT ? null
                    : TargetText.parse(baselineText, measured).map(TargetText.Parsed::value)
                    .filter(v -> measureOf(measured).violationOf(v).isEmpty()).orElse(null);
            String baselineAsWritten = "Bắc Giang 2024: " + text(row, "baseline_bac_giang_2024") + "; Bắc Ninh 2024: " + baselineText;
            result.add(new DefineIndicator(DTI + "." + code, DTI, code, row.get("name").asText(), unitOf(measured),
                    measureOf(measured), Direction.INCREASE, baseline, baselineAsWritten, targets, lead, monitoring,
                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        }
        return result;
    }

    /** Appendix II of Decision 1305 (137 tasks) and of the DTI plan (52 tasks). */
    public List<AssignTask> tasks() {
        List<AssignTask> result = new ArrayList<>();
        int n = 0;
        for (JsonNode row : read("000_tasks.json")) {
            n++;
            List<String> named = agencies.resolveAll(row.get("lead").asText());
            String lead = named.isEmpty() ? "ubnd-tinh" : named.get(0);
            TaskDeadline deadline = row.hasNonNull("deadline_iso")
                    ? TaskDeadline.due(LocalDate.parse(row.get("deadline_iso").asText()), row.get("deadline_text").asText())
                    : DeadlineText.parse(row.get("deadline_text").asText(), 2025);
            if (deadline.dueDate() == null && "yearly".equals(row.path("recurring").asText())) {
                deadline = new TaskDeadline(null, TaskDeadline.Recurrence.YEARLY, row.get("deadline_text").asText());
            }
            result.add(new AssignTask(STRATEGY + ".NV-" + n, STRATEGY, row.get("name").asText(), lead,
                    named.subList(Math.min(1, named.size()), named.size()), deadline, text(row, "product")));
        }
        n = 0;
        for (JsonNode row : read("002_tasks.json")) {
            n++;
            List<String> named = agencies.resolveAll(text(row, "lead_unit"));
            String lead = named.isEmpty() ? "so-khcn" : named.get(0);
            List<String> coordinators = new ArrayList<>(named.subList(Math.min(1, named.size()), named.size()));
            agencies.resolveAll(text(row, "coordinating_units")).stream()
                    .filter(id -> !id.equals(lead) && !coordinators.contains(id)).forEach(coordinators::add);
            String content = row.get("task").asText() + " (chỉ tiêu DTI " + row.get("indicator_code").asText() + ")";
            result.add(new AssignTask(DTI + ".NV-" + n, DTI, content, lead, coordinators,
                    DeadlineText.parse(text(row, "deadline_text"), 2025), text(row, "product")));
        }
        return result;
    }

    private static Measure measureOf(MeasureKind kind) {
        return kind == MeasureKind.LEVEL ? new Measure(kind, LEVELS) : Measure.of(kind);
    }

    private static String unitOf(MeasureKind kind) {
        return switch (kind) {
            case PERCENT -> "%";
            case PASS_FAIL -> "Đạt/Chưa đạt";
            case RATIO -> "tiêu chí";
            case LEVEL -> "mức";
            default -> null;
        };
    }

    private static String text(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asText() : null;
    }

    private IllegalStateException unknown(JsonNode name) {
        return new IllegalStateException("agency not in catalog/agencies.json: " + name);
    }

    private JsonNode read(String file) {
        try (InputStream in = PlanCatalog.class.getResourceAsStream("/catalog/" + file)) {
            return json.readTree(in).get("rows");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
