package vn.tiendo.command.demo;

import vn.tiendo.command.importing.AgencyDirectory;
import vn.tiendo.command.importing.ImportService;
import vn.tiendo.command.agency.AgencyCommands.DefineAgencyGroup;
import vn.tiendo.command.agency.AgencyCommands.MoveAgency;
import vn.tiendo.command.indicator.IndicatorCommands.DeclareRollUpRule;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.LinkIndicator;
import vn.tiendo.command.plan.RegisterPlan;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.web.Caller;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.indicator.RollUpRule;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans that cascade, from the documents: the Từ Sơn city plan (003, February 2025) carries Resolution 57 into the
 * city, its appendix 1 row 1.1 sets the share of online dossiers ("khối địa phương đạt 70%"), and it asks the
 * divisions and wards for their own plans by 10 March 2025. Three of the city's wards do so; their figures roll up
 * into the city's 1.1, which the city links to Decision 1305's C.16 (share of dossiers handled online) once the
 * province's strategy is issued. The city was a district-level unit (thành phố thuộc tỉnh) when its plan was made.
 * The ward plans' document numbers are marked as sample data: the documents do not give them.
 */
final class DemoCascade {

    static final String CITY_PLAN = "KH-TU-SON-NQ57";
    static final String CITY_ONLINE_DOSSIERS = CITY_PLAN + ".1.1";
    static final String PROVINCE_ONLINE_DOSSIERS = CatalogFiles.STRATEGY + ".C.16";
    /** Agency id and name of the three wards, as registered. */
    static final List<String[]> WARDS = List.of(new String[]{"phuong-dong-ngan", "UBND phường Đông Ngàn"},
            new String[]{"phuong-dinh-bang", "UBND phường Đình Bảng"}, new String[]{"phuong-tan-hong", "UBND phường Tân Hồng"});
    /** The district level ends (two-level local government from 1 July 2025). */
    private static final Instant REORGANISED = LocalDate.of(2025, 7, 1).atStartOfDay(DemoHistory.PROVINCE).toInstant();

    /** Who takes over each of the city's bodies when the district level ends (the city last: what is still under it moves along). */
    static final Map<String, String> SUCCESSORS = successors();

    private static Map<String, String> successors() {
        Map<String, String> successors = new LinkedHashMap<>();
        successors.put("cn-tthcc-tu-son", "van-phong-ubnd.trung-tam-phvcc");
        successors.put("vp-hdnd-ubnd-tu-son", "van-phong-ubnd");
        successors.put("phong-vhkhtt-tu-son", "so-khcn");
        successors.put("ubnd-tp-tu-son", "ubnd-tinh");
        return successors;
    }

    /** "Bộ phận Một cửa của 12 phường": the city's weight in the province's average. */
    private static final BigDecimal CITY_WARDS = BigDecimal.valueOf(12);

    private static final String AGENCIES = """
            Mã,Tên,Loại,Cơ quan cấp trên
            ubnd-tp-tu-son,UBND thành phố Từ Sơn,DISTRICT,ubnd-tinh
            vp-hdnd-ubnd-tu-son,Văn phòng HĐND-UBND thành phố,DIVISION,ubnd-tp-tu-son
            cn-tthcc-tu-son,Chi nhánh Trung tâm Hành chính công,DIVISION,ubnd-tp-tu-son
            phong-vhkhtt-tu-son,"Phòng Văn hóa, Khoa học và Thông tin",DIVISION,ubnd-tp-tu-son
            phuong-dong-ngan,UBND phường Đông Ngàn,COMMUNE_WARD,ubnd-tp-tu-son
            phuong-dinh-bang,UBND phường Đình Bảng,COMMUNE_WARD,ubnd-tp-tu-son
            phuong-tan-hong,UBND phường Tân Hồng,COMMUNE_WARD,ubnd-tp-tu-son
            """;

    /** Appendix 1 of plan 003 as the document lays it out: its title (which dates the "Kết quả" column), the header, groups 1 and 3. */
    private static final String APPENDIX_1 = """
            Phụ lục 1
            DANH MỤC CÁC CHỈ TIÊU CỤ THỂ VỀ CHUYỂN ĐỔI SỐ NĂM 2025
            TT,Chỉ tiêu năm 2025,Đơn vị tính,Kết quả,"Cơ quan chủ trì theo, dõi đánh giá",Cơ quan phối hợp
            1,Chính quyền số,,,,
            1.1,"Tỉ lệ hồ sơ trực tuyến toàn trình của cả thành phố: 80%, trong đó khối cơ quan thành phố đạt tối thiểu 85%, khối địa phương đạt tối thiểu 70%.",%,"Cả thành phố đạt 80%
            Khối cơ quan thành phố đạt 85%
            Khối địa phương đạt 70%",Chi nhánh Trung tâm Hành chính công,"Các Phòng,  ngành, địa phương"
            1.2,"Tỉ lệ nhiệm vụ được theo dõi, quản lý, giám sát của các cơ quan hành chính thực hiện trên môi trường điện tử: 70%.",%,>= 80%,Văn phòng HĐND-UBND thành phố,"Các Phòng,  ngành, địa phương"
            3,Xã hội số,,,,
            3.1,Mỗi người dân có 01 định danh số,%,100% người dân có định danh số,UBND các phường,"Các Phòng,  ngành, địa phương"
            """;

    /** "UBND các phường", who lead row 3.1: each ward its own share, the city answering for the row. */
    static final String WARDS_GROUP = "tu-son.cac-phuong";
    private static final AgencyDirectory.Group WARDS_OF_THE_CITY = new AgencyDirectory.Group(WARDS_GROUP, List.of("UBND các phường"),
            "ubnd-tp-tu-son", WARDS.stream().map(ward -> ward[0]).toList());

    /** Merges an agency as the API does: the merger and what follows from it. */
    interface Mergers {
        void merge(String agencyId, String intoAgencyId, LocalDate effectiveDate, String decisionReference);
    }

    /** What the loader gives: the import, the history generator, the timeline and a way to send commands. */
    interface Loader {
        void on(LocalDate day, Runnable action);

        void send(Object command, String agencyId, String reason);

        void history(DemoHistory.Step step);
    }

    private final ImportService imports;
    private final DemoHistory history;
    private final Caller coordinator;
    private final Mergers mergers;

    DemoCascade(ImportService imports, DemoHistory history, Caller coordinator, Mergers mergers) {
        this.imports = imports;
        this.history = history;
        this.coordinator = coordinator;
        this.mergers = mergers;
    }

    void play(Loader loader) {
        RegisterPlan city = new RegisterPlan(CITY_PLAN, "KH-UBND (tháng 02/2025)", null, "UBND thành phố Từ Sơn",
                "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
                LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31));
        byte[] appendix = APPENDIX_1.getBytes(StandardCharsets.UTF_8);
        String appendixFile = CITY_PLAN + "-phu-luc-1.csv";
        loader.on(LocalDate.of(2025, 2, 20), () -> {
            imports.importAgencies("tu-son-co-quan.csv", AGENCIES.getBytes(StandardCharsets.UTF_8), coordinator, false);
            loader.send(city, "so-khcn", null);
            loader.send(new DefineAgencyGroup(WARDS_GROUP, WARDS_OF_THE_CITY.names().get(0), List.of(), WARDS_OF_THE_CITY.ownerId(),
                    WARDS_OF_THE_CITY.memberIds(), "Kế hoạch của thành phố giao chỉ tiêu 3.1 cho UBND các phường"), "so-khcn", null);
            imports.importIndicators(CITY_PLAN, appendixFile, appendix, coordinator, false);
        });
        Registry.PlanPeriod cityPeriod = new Registry.PlanPeriod(city.periodStart(), city.periodEnd(), city.issuer());
        List<AgencyDirectory.Agency> cityAgencies = List.of(
                new AgencyDirectory.Agency("ubnd-tp-tu-son", "UBND thành phố Từ Sơn", AgencyKind.DISTRICT, "ubnd-tinh"),
                new AgencyDirectory.Agency("vp-hdnd-ubnd-tu-son", "Văn phòng HĐND-UBND thành phố", AgencyKind.DIVISION, "ubnd-tp-tu-son"),
                new AgencyDirectory.Agency("cn-tthcc-tu-son", "Chi nhánh Trung tâm Hành chính công", AgencyKind.DIVISION, "ubnd-tp-tu-son"));
        for (var draft : imports.previewIndicators(CITY_PLAN, cityPeriod, appendixFile, appendix, cityAgencies, List.of(WARDS_OF_THE_CITY)).drafts()) {
            if (draft.command().share() != null && draft.command().share().partOfIndicatorId() == null) {
                continue; // the city's row 3.1 is its wards' shares rolled up, not a figure it reports
            }
            // from 1 July 2025 the successor of the city's body reports
            history.indicatorReports(draft.command(), YearMonth.of(2025, 3)).forEach(step -> loader.history(step.at().isBefore(REORGANISED)
                    ? step : new DemoHistory.Step(step.command(), SUCCESSORS.getOrDefault(step.agencyId(), step.agencyId()), step.reason(), step.at())));
        }

        // the wards' own plans, by the city's deadline (10 March 2025), each implementing the city's 1.1
        LocalDate wardPlans = LocalDate.of(2025, 3, 10);
        loader.on(wardPlans, () -> loader.send(new DeclareRollUpRule(CITY_ONLINE_DOSSIERS, null, RollUpRule.WEIGHTED_AVERAGE,
                "phường (mỗi phường như nhau)", "Khối địa phương: bình quân các phường"), "so-khcn", null));
        for (String[] ward : WARDS) {
            String planId = "KH-" + ward[0].toUpperCase() + "-NQ57";
            DefineIndicator indicator = new DefineIndicator(planId + ".1.1", planId, "1.1", "Tỉ lệ hồ sơ trực tuyến toàn trình của phường", "%",
                    Measure.of(MeasureKind.PERCENT), Direction.INCREASE, null, null,
                    List.of(new Target(Period.year(2025), Comparator.GE, new MeasuredValue.Percent(BigDecimal.valueOf(70)), "Khối địa phương đạt 70%")),
                    ward[0], "phong-vhkhtt-tu-son", LocalDate.of(2025, 3, 1), LocalDate.of(2030, 12, 31), List.of("1. Chính quyền số"));
            loader.on(wardPlans, () -> {
                loader.send(new RegisterPlan(planId, "KH-UBND (dữ liệu mẫu)", wardPlans, ward[1],
                        "Kế hoạch thực hiện Kế hoạch của UBND thành phố Từ Sơn về Nghị quyết số 57-NQ/TW", indicator.planStart(),
                        indicator.planEnd()), "so-khcn", null);
                loader.send(indicator, "so-khcn", null);
                loader.send(new LinkIndicator(indicator.indicatorId(), null, CITY_ONLINE_DOSSIERS, BigDecimal.ONE,
                        "Kế hoạch của phường thực hiện chỉ tiêu 1.1 của thành phố"), "so-khcn", null);
            });
            history.indicatorReports(indicator, YearMonth.of(2025, 4)).forEach(loader::history);
        }

        // 1 July 2025: the district level ends. The wards come directly under the province; the city's branch of the public
        // service centre, its office and its science division merge into the province's counterparts, the city into UBND tỉnh.
        LocalDate reorganised = LocalDate.of(2025, 7, 1);
        String decision = "Nghị quyết sắp xếp đơn vị hành chính cấp tỉnh, cấp xã năm 2025 (dữ liệu mẫu)";
        loader.on(reorganised, () -> {
            WARDS.forEach(ward -> loader.send(new MoveAgency(ward[0], null, "ubnd-tinh", reorganised, decision), "so-khcn", null));
            SUCCESSORS.forEach((merged, into) -> mergers.merge(merged, into, reorganised, decision));
        });

        // once the province's strategy is issued (29 October 2025), the city's figure counts in the province's
        loader.on(LocalDate.of(2025, 10, 30), () -> {
            loader.send(new DeclareRollUpRule(PROVINCE_ONLINE_DOSSIERS, null, RollUpRule.WEIGHTED_AVERAGE, "số phường",
                    "Tỷ lệ của tỉnh: bình quân các địa phương theo số phường"), "so-khcn", null);
            loader.send(new LinkIndicator(CITY_ONLINE_DOSSIERS, null, PROVINCE_ONLINE_DOSSIERS, CITY_WARDS,
                    "Kế hoạch thành phố thực hiện chỉ tiêu C.16 của Quyết định 1305"), "so-khcn", null);
        });
    }
}
