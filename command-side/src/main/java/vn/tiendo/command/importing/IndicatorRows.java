package vn.tiendo.command.importing;

import java.util.regex.Pattern;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.Share;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the rows of an indicator table (STT, chỉ tiêu, đơn vị tính, mục tiêu per year, cơ quan chủ trì, cơ quan
 * theo dõi; optionally mã and giá trị cơ sở) into DefineIndicator commands. How an indicator is measured is read
 * from its unit and the shape of its targets. Targets that fit no measure are kept verbatim as text and flagged.
 */
final class IndicatorRows implements TableRows.Rules<DefineIndicator> {

    static final List<String> LEVELS = List.of("D", "C", "B", "A");

    private final PlanTable table;
    private final Set<String> codes = new HashSet<>();
    private Columns columns;
    private Optional<Integer> name;
    private Optional<Integer> code;
    private Optional<Integer> stt;
    private Optional<Integer> unit;
    private Optional<Integer> lead;
    private Optional<Integer> monitor;
    private Optional<Integer> baseline;
    private List<Columns.TargetColumn> targetColumns;
    /** A target column whose header names no year ("Kết quả"), and the year the table gives it otherwise. */
    private Optional<Integer> yearless = Optional.empty();
    private Optional<Integer> tableYear = Optional.empty();
    /** The year a section row above gave ("I | Đến năm 2030"), for the yearless column of the rows under it. */
    private Integer sectionYear;
    private final Headings headings = new Headings();

    IndicatorRows(PlanTable table) {
        this.table = table;
    }

    @Override
    public void findColumns(Columns columns, TableRows.Findings findings) {
        this.columns = columns;
        name = columns.find("Chỉ tiêu", "Chỉ tiêu cụ thể", "Tên chỉ tiêu");
        code = columns.find("Mã", "Mã chỉ tiêu");
        stt = columns.find("STT", "TT");
        unit = columns.find("Đơn vị tính", "ĐVT");
        lead = columns.find("Cơ quan chủ trì", "Chủ trì");
        monitor = columns.find("Cơ quan theo dõi", "Theo dõi");
        baseline = columns.find("Giá trị cơ sở", "Cơ sở", "Hiện trạng");
        // the name column may carry the year ("Chỉ tiêu năm 2025"): then it is not a target column, it dates one
        targetColumns = columns.targetColumns().stream().filter(tc -> name.isEmpty() || tc.index() != name.get()).toList();
        if (targetColumns.isEmpty()) {
            yearless = columns.find("Kết quả", "Mục tiêu", "Chỉ tiêu đến", "Giá trị mục tiêu").filter(i -> name.isEmpty() || i != name.get());
            tableYear = name.flatMap(i -> Columns.yearIn(columns.header(i))).or(columns::titleYear);
        }
        TableRows.required(name, "Chỉ tiêu", findings);
        if (code.isEmpty() && stt.isEmpty()) {
            findings.problem(0, "STT", "no column \"STT\" or \"Mã\" to number the indicators");
        }
        if (lead.isEmpty() && monitor.isEmpty()) {
            findings.problem(0, "Cơ quan chủ trì", "no column \"Cơ quan chủ trì\" or \"Cơ quan theo dõi\"");
        }
        if (targetColumns.isEmpty() && yearless.isEmpty()) {
            findings.problem(0, "Mục tiêu", "no target column such as \"Mục tiêu 2025\" or \"Kết quả\"");
        }
        for (Columns.TargetColumn tc : targetColumns) {
            if (tc.year() < table.plan().start().getYear() || tc.year() > table.plan().end().getYear()) {
                findings.problem(0, tc.header(), "the plan runs " + table.plan().start() + " to " + table.plan().end()
                        + "; a target for " + tc.year() + " is outside it");
            }
        }
    }

    @Override
    public List<DefineIndicator> map(Sheet.Row row, TableRows.RowFindings findings) {
        String indicatorName = row.cell(name.get());
        if (indicatorName != null && isHeading(row)) {
            headings.enter(code.map(row::cell).orElseGet(() -> stt.map(row::cell).orElse(null)), indicatorName);
            // a section row gives the year of the targets under it: "I | Đến năm 2030"
            Columns.yearIn(indicatorName).filter(year -> Names.normalize(indicatorName).matches("(den |toi )?(het )?nam 20\\d{2}"))
                    .ifPresent(year -> sectionYear = year);
            return List.of();
        }
        if (indicatorName == null) {
            findings.problem(columns.header(name.get()), "the indicator's name is empty");
        }
        String indicatorCode = code.map(row::cell).orElse(null);
        if (indicatorCode == null) {
            indicatorCode = stt.map(row::cell).orElse(null);
            // the plans number indicators within lettered groups: "1" under "A. Phát triển hạ tầng" is A.1
            if (indicatorCode != null && indicatorCode.matches("\\d+") && headings.letter().isPresent()) {
                indicatorCode = headings.letter().get() + "." + indicatorCode;
            }
        }
        if (indicatorCode == null) {
            findings.problem("STT", "a row needs its STT or Mã");
        } else if (!indicatorCode.matches("[A-Za-z0-9._-]{1,40}")) {
            findings.problem("STT", "\"" + indicatorCode + "\" is not a code (letters, digits, '.', '-')");
        } else if (!codes.add(indicatorCode)) {
            findings.problem("STT", "code " + indicatorCode + " appears twice in the file");
        }
        String leadCell = lead.map(row::cell).orElse(null);
        String monitorCell = monitor.map(row::cell).orElse(null);
        // a row assigned to a group: its owner answers for the row, each member for its share
        Optional<AgencyDirectory.Group> group = table.agencies().group(leadCell);
        Optional<String> leadId = group.isPresent() ? Optional.of(group.get().ownerId())
                : agency(leadCell != null ? leadCell : monitorCell, columns.header(lead.orElseGet(monitor::get)), findings);
        Optional<String> monitorId = monitorCell == null ? leadId : agency(monitorCell, columns.header(monitor.get()), findings);
        if (findings.hasProblems()) {
            return List.of();
        }
        String unitText = unit.map(row::cell).orElse(null);
        List<String> texts = new ArrayList<>();
        List<Columns.TargetColumn> used = new ArrayList<>();
        for (Columns.TargetColumn tc : targetColumns(row, findings)) {
            String text = row.cell(tc.index());
            if (text != null) {
                texts.add(text);
                used.add(tc);
            }
        }
        if (findings.hasProblems()) {
            return List.of();
        }
        MeasureKind measured = kindOf(unitText, texts);
        MeasureKind kind = texts.stream().allMatch(t -> TargetText.parse(t, measured).isPresent()) ? measured : MeasureKind.TEXT;
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Period period = Period.year(used.get(i).year());
            String text = texts.get(i);
            if (kind == MeasureKind.TEXT) {
                targets.add(new Target(period, Comparator.EQ, new MeasuredValue.Text(text), text));
                findings.flag(used.get(i).header(), "kept as text, not scored: \"" + text + "\"");
            } else {
                TargetText.Parsed p = TargetText.parse(text, kind).orElseThrow();
                targets.add(new Target(period, p.comparator(), p.value(), text));
            }
        }
        Measure measure = kind == MeasureKind.LEVEL ? new Measure(kind, LEVELS) : Measure.of(kind);
        String baselineText = baseline.map(row::cell).orElse(null);
        MeasuredValue baselineValue = null;
        if (baselineText != null && kind != MeasureKind.TEXT) {
            baselineValue = TargetText.parse(baselineText, kind).map(TargetText.Parsed::value)
                    .filter(v -> measure.violationOf(v).isEmpty()).orElse(null);
            if (baselineValue == null) {
                findings.flag(columns.header(baseline.get()), "baseline kept as written only: \"" + baselineText + "\"");
            }
        }
        // the plans write a ceiling (≤ 5 ngày) for what should fall, a floor or an exact goal for what should rise
        Direction direction = targets.stream().findFirst().map(t -> t.comparator().lowerIsBetter()).orElse(false)
                ? Direction.DECREASE : Direction.INCREASE;
        String indicatorId = table.planId() + "." + indicatorCode;
        if (group.isEmpty()) {
            return List.of(new DefineIndicator(indicatorId, table.planId(), indicatorCode, indicatorName, unitText, measure, direction, baselineValue,
                    baselineText, targets, leadId.get(), monitorId.get(), table.plan().start(), table.plan().end(), headings.path()));
        }
        AgencyDirectory.Group shared = group.get();
        String groupName = shared.names().get(0);
        RollUpRule rule = sharedRule(kind, direction);
        if (rule == null) {
            findings.flag(columns.header(lead.get()), "assigned to " + groupName + ": each member's share is linked to the row's indicator, "
                    + "but no roll-up rule fits a " + kind + " target" + (direction == Direction.DECREASE ? " that should fall" : "") + "; declare one");
        }
        List<DefineIndicator> indicators = new ArrayList<>();
        indicators.add(new DefineIndicator(indicatorId, table.planId(), indicatorCode, indicatorName, unitText, measure, direction, baselineValue,
                baselineText, targets, leadId.get(), monitorId.get(), table.plan().start(), table.plan().end(), headings.path(),
                new Share(shared.id(), groupName, null, rule)));
        // each member its own share, held to the row's target ("100% người dân có định danh số" in every ward)
        for (String member : shared.memberIds()) {
            indicators.add(new DefineIndicator(indicatorId + ":" + member, table.planId(), indicatorCode + ":" + member, indicatorName, unitText,
                    measure, direction, null, null, targets, member, monitorId.get(), table.plan().start(), table.plan().end(), headings.path(),
                    new Share(shared.id(), groupName, indicatorId, null)));
        }
        return indicators;
    }

    /**
     * How a group's row is built from its members' shares, each held to the row's target: reached when every member
     * reaches it, so the weakest member's figure (a minimum) or all achieved; none fits a figure that should fall, a
     * level, a ratio or text.
     */
    static RollUpRule sharedRule(MeasureKind kind, Direction direction) {
        if (kind == MeasureKind.PASS_FAIL) {
            return RollUpRule.ALL_ACHIEVED;
        }
        boolean figure = List.of(MeasureKind.PERCENT, MeasureKind.COUNT, MeasureKind.SCORE, MeasureKind.MONEY).contains(kind);
        return figure && direction == Direction.INCREASE ? RollUpRule.MINIMUM : null;
    }

    /** A number and a title, nothing else: a heading the rows below are grouped under, not an indicator. */
    private boolean isHeading(Sheet.Row row) {
        return Stream.of(unit, lead, monitor, baseline, yearless).allMatch(column -> column.map(row::cell).isEmpty())
                && targetColumns.stream().allMatch(tc -> row.cell(tc.index()) == null);
    }

    /**
     * The row's target columns with their years: the dated ones, or the yearless one ("Kết quả") dated by the section
     * row above, else by the name column's header or the table's title; a problem when nothing dates it, or the year
     * is outside the plan.
     */
    private List<Columns.TargetColumn> targetColumns(Sheet.Row row, TableRows.RowFindings findings) {
        if (yearless.isEmpty()) {
            return targetColumns;
        }
        String header = columns.header(yearless.get());
        Integer year = sectionYear != null ? sectionYear : tableYear.orElse(null);
        if (year == null) {
            findings.problem(header, "no year for the target in \"" + header + "\": name it in the header (\"Mục tiêu 2025\"), "
                    + "the table's title (\"… NĂM 2025\") or a row above (\"Đến năm 2030\")");
            return List.of();
        }
        if (year < table.plan().start().getYear() || year > table.plan().end().getYear()) {
            findings.problem(header, "the plan runs " + table.plan().start() + " to " + table.plan().end() + "; a target for " + year
                    + " is outside it");
            return List.of();
        }
        return List.of(new Columns.TargetColumn(yearless.get(), year, header));
    }

    /**
     * The measure a row's targets speak: a level ("Mức B"), a ratio ("7/7"), pass/fail ("Đạt" without figures),
     * a percentage (unit or targets with %), a figure (money when the unit is a currency, a count when whole, else
     * a score), else free text.
     */
    static MeasureKind kindOf(String unit, List<String> targets) {
        String u = unit == null ? "" : Names.normalize(unit);
        List<String> n = targets.stream().map(Names::normalize).toList();
        if (n.isEmpty()) {
            return u.contains("%") ? MeasureKind.PERCENT : MeasureKind.TEXT;
        }
        if (n.stream().anyMatch(t -> t.matches(".*\\bmuc [a-d]\\b.*"))) {
            return MeasureKind.LEVEL;
        }
        if (n.stream().anyMatch(t -> RATIO_IN_TEXT.matcher(t).find() && !t.contains("%"))) {
            return MeasureKind.RATIO;
        }
        if (n.stream().allMatch(t -> (t.startsWith("dat") || t.startsWith("chua dat")) && !t.matches(".*\\d.*"))) {
            return MeasureKind.PASS_FAIL;
        }
        if (u.contains("%") || targets.stream().anyMatch(t -> t.contains("%"))) {
            return MeasureKind.PERCENT;
        }
        if (u.contains("dong") || u.contains("vnd")) {
            return MeasureKind.MONEY;
        }
        boolean whole = targets.stream().allMatch(t -> TargetText.parse(t, MeasureKind.SCORE)
                .map(p -> p.value().asNumber().orElseThrow().stripTrailingZeros().scale() <= 0).orElse(false));
        return whole ? MeasureKind.COUNT : MeasureKind.SCORE;
    }

    /** A digit, a slash, a digit, found in one pass: the former whole-cell pattern backtracked quadratically on long digit runs. */
    private static final Pattern RATIO_IN_TEXT = Pattern.compile("\\d\\s*+/\\s*+\\d");

    private Optional<String> agency(String cell, String column, TableRows.RowFindings findings) {
        if (cell == null) {
            findings.problem(column, "no agency named");
            return Optional.empty();
        }
        Optional<String> id = table.agencies().resolve(cell);
        if (id.isEmpty()) {
            findings.unknownAgency(column, cell, table.agencies());
        }
        table.agencies().ambiguity(cell).ifPresent(flag -> findings.flag(column, flag));
        return id;
    }
}
