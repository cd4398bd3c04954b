package vn.tiendo.query.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.query.directory.DirectoryQueries;
import vn.tiendo.query.web.AsOf;

import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Importing a plan's table from the pages, in two steps: the file is first sent as a dry run and the page shows what
 * it would do (rows, records created, revised, unchanged, the cells taken with a caution, or every refused cell by
 * row and column); only then does "apply" send the same file, kept in the session by its hash, for real.
 */
@Controller
public class ImportPages {

    private static final Set<String> KINDS = Set.of("indicators", "tasks", "agencies");
    private static final String PENDING = "tiendo.import.pending";
    /** A file refused for names that name no registered agency, kept while the user confirms what they mean. */
    private static final String REFUSED = "tiendo.import.refused";

    /** The file waiting between the preview and "apply". */
    record Pending(String kind, String planId, String fileName, String sha256, byte[] content) {
    }

    private final DirectoryQueries directory;
    private final CommandClient commands;
    private final AsOf asOf;

    public ImportPages(DirectoryQueries directory, CommandClient commands, AsOf asOf) {
        this.directory = directory;
        this.commands = commands;
        this.asOf = asOf;
    }

    @GetMapping("/app/imports")
    public String form(Model model) {
        model.addAttribute("plans", directory.plans());
        return Pages.common(model, null, asOf, "imports");
    }

    @PostMapping("/app/imports/preview")
    public String preview(@RequestParam String kind, @RequestParam(required = false) String planId, @RequestParam MultipartFile file,
                          HttpSession session, Model model) throws IOException {
        model.addAttribute("plans", directory.plans());
        if (!KINDS.contains(kind) || (!"agencies".equals(kind) && directory.plans().stream().noneMatch(p -> p.planId().equals(planId)))) {
            model.addAttribute("error", "Loại bảng hoặc kế hoạch không hợp lệ / Unknown table kind or plan");
            return Pages.common(model, null, asOf, "imports");
        }
        byte[] content = file.getBytes();
        String fileName = file.getOriginalFilename() == null ? "bang.xlsx" : file.getOriginalFilename();
        Pending pending = new Pending(kind, "agencies".equals(kind) ? null : planId, fileName, EvidenceFiles.sha256(content), content);
        return show(pending, session, model);
    }

    /**
     * Confirms, from a refused preview, which registered agency a name of the file means (an alias, recorded on the
     * command side as an event), then previews the same file again: the user confirms each name once, never re-uploads.
     */
    @PostMapping("/app/imports/alias")
    public String confirmName(@RequestParam String name, @RequestParam String agencyId, @RequestParam String sha256,
                              HttpSession session, Model model) {
        model.addAttribute("plans", directory.plans());
        if (!(session.getAttribute(REFUSED) instanceof Pending pending) || !pending.sha256().equals(sha256)) {
            model.addAttribute("error", "Chưa xem trước tệp này / Preview the file first");
            return Pages.common(model, null, asOf, "imports");
        }
        directory.agency(agencyId); // 404 for an agency nobody registered
        CommandClient.Answer answer = commands.post("/api/agencies/" + UriUtils.encodePathSegment(agencyId, StandardCharsets.UTF_8) + "/aliases",
                Map.of("alias", name, "reason", "Xác nhận khi nhập " + pending.fileName() + " / confirmed while importing " + pending.fileName()));
        if (!answer.accepted()) {
            model.addAttribute("aliasError", answer.body() == null ? "HTTP " + answer.status() : answer.body().path("detail").asText());
        } else {
            model.addAttribute("message", "Đã ghi nhận \"" + name + "\" là tên gọi khác của " + agencyId + " / recorded as "
                    + agencyId + "'s name");
        }
        return show(pending, session, model);
    }

    /**
     * Defines, from a refused preview, a name of the file as a group ("UBND các phường"): the agency answering for it
     * and, as members, the agencies of one kind directly under it now (its wards). Recorded on the command side as an
     * event with the members listed; then the same file is previewed again, each member getting its own share.
     */
    @PostMapping("/app/imports/group")
    public String defineGroup(@RequestParam String name, @RequestParam String ownerAgencyId, @RequestParam AgencyKind memberKind,
                              @RequestParam String sha256, HttpSession session, Model model) {
        model.addAttribute("plans", directory.plans());
        if (!(session.getAttribute(REFUSED) instanceof Pending pending) || !pending.sha256().equals(sha256)) {
            model.addAttribute("error", "Chưa xem trước tệp này / Preview the file first");
            return Pages.common(model, null, asOf, "imports");
        }
        directory.agency(ownerAgencyId); // 404 for an agency nobody registered
        List<String> members = directory.agencies(memberKind, ownerAgencyId).stream().filter(a -> a.closedOn() == null)
                .map(DirectoryQueries.AgencyView::agencyId).toList();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", name);
        group.put("ownerAgencyId", ownerAgencyId);
        group.put("memberAgencyIds", members);
        group.put("reason", "Xác nhận khi nhập " + pending.fileName() + " / confirmed while importing " + pending.fileName());
        CommandClient.Answer answer = commands.post("/api/agency-groups", group);
        if (!answer.accepted()) {
            model.addAttribute("aliasError", answer.body() == null ? "HTTP " + answer.status() : answer.body().path("detail").asText());
        } else {
            model.addAttribute("message", "Đã ghi nhận \"" + name + "\" là nhóm " + members.size() + " đơn vị / recorded as a group of "
                    + members.size());
        }
        return show(pending, session, model);
    }

    /** Sends the file as a dry run and shows what it would do, or why it is refused and which names need confirming. */
    private String show(Pending pending, HttpSession session, Model model) {
        CommandClient.Answer answer = commands.postFile(path(pending, true), pending.fileName(), pending.content());
        model.addAttribute("fileName", pending.fileName());
        if (answer.accepted()) {
            session.removeAttribute(REFUSED);
            session.setAttribute(PENDING, pending);
            model.addAttribute("preview", answer.body());
            model.addAttribute("previewRows", PreviewRow.of(answer.body()));
            model.addAttribute("sha256", pending.sha256());
        } else {
            session.removeAttribute(PENDING);
            model.addAttribute("error", answer.body() == null ? "HTTP " + answer.status() : answer.body().path("detail").asText());
            model.addAttribute("problems", problems(answer.body()));
            List<UnknownName> unknown = UnknownName.of(answer.body());
            if (!unknown.isEmpty()) {
                session.setAttribute(REFUSED, pending);
                model.addAttribute("unknownNames", unknown);
                // a group is answered for by an agency with agencies under it, and made of those of one kind
                model.addAttribute("groupOwners", directory.agencies(null, null).stream().filter(a -> a.closedOn() == null)
                        .filter(a -> a.kind() == AgencyKind.PROVINCE || a.kind() == AgencyKind.DISTRICT || a.kind() == AgencyKind.DEPARTMENT).toList());
                model.addAttribute("memberKinds", List.of(AgencyKind.COMMUNE_WARD, AgencyKind.DIVISION, AgencyKind.DEPARTMENT));
                model.addAttribute("sha256", pending.sha256());
            }
        }
        return Pages.common(model, null, asOf, "imports");
    }

    /** A name of a refused file that names no registered agency, the rows writing it, and the agencies it may mean. */
    record UnknownName(String name, String rows, List<Proposal> proposals) {

        record Proposal(String agencyId, String name) {
        }

        static List<UnknownName> of(JsonNode body) {
            List<UnknownName> names = new ArrayList<>();
            if (body == null) {
                return names;
            }
            for (JsonNode n : body.path("unknownNames")) {
                List<String> rows = new ArrayList<>();
                n.path("rows").forEach(r -> rows.add(r.asText()));
                List<Proposal> proposals = new ArrayList<>();
                n.path("proposals").forEach(p -> proposals.add(new Proposal(p.path("agencyId").asText(), p.path("name").asText())));
                names.add(new UnknownName(n.path("name").asText(), String.join(", ", rows), proposals));
            }
            return names;
        }
    }

    @PostMapping("/app/imports/apply")
    public String apply(@RequestParam String sha256, HttpSession session, RedirectAttributes flash) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.sha256().equals(sha256)) {
            flash.addFlashAttribute("error", "Chưa xem trước tệp này / Preview the file first");
            return "redirect:/app/imports";
        }
        session.removeAttribute(PENDING);
        CommandClient.Answer answer = commands.postFile(path(pending, false), pending.fileName(), pending.content());
        if (answer.accepted()) {
            JsonNode outcome = answer.body();
            flash.addFlashAttribute("message", "Đã nhập " + pending.fileName() + ": " + outcome.path("created").asInt() + " mới, "
                    + outcome.path("revised").asInt() + " điều chỉnh, " + outcome.path("unchanged").asInt() + " không đổi / imported");
        } else {
            flash.addFlashAttribute("error", answer.body() == null ? "HTTP " + answer.status() : answer.body().path("detail").asText());
        }
        return "redirect:/app/imports";
    }

    /** A row of the preview: what the file does to one record, each changed field as "field: before → after". */
    record PreviewRow(int row, String recordId, String title, String action, List<String> changes) {

        static List<PreviewRow> of(JsonNode outcome) {
            List<PreviewRow> rows = new ArrayList<>();
            for (JsonNode row : outcome.path("changes")) {
                List<String> changes = new ArrayList<>();
                for (JsonNode change : row.path("changes")) {
                    changes.add(change.path("field").asText() + ": " + shown(change.path("before")) + " → " + shown(change.path("after")));
                }
                rows.add(new PreviewRow(row.path("row").asInt(), row.path("recordId").asText(), row.path("title").asText(),
                        row.path("action").asText(), changes));
            }
            return rows;
        }

        /** A value as the plan writes it where it has its own words (a target, a deadline), else as it is. */
        private static String shown(JsonNode value) {
            if (value.isMissingNode() || value.isNull()) {
                return "—";
            }
            if (value.hasNonNull("asWritten")) {
                return value.path("asWritten").asText();
            }
            return value.isValueNode() ? value.asText() : value.toString();
        }
    }

    private static String path(Pending pending, boolean dryRun) {
        return "/api/imports/" + pending.kind() + "?dryRun=" + dryRun + (pending.planId() == null ? "" : "&planId=" + pending.planId());
    }

    private static List<String> problems(JsonNode body) {
        if (body == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        body.path("errors").forEach(e -> problems.add(e.path("field").asText() + ": " + e.path("message").asText()));
        return problems;
    }
}
