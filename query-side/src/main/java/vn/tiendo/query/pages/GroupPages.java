package vn.tiendo.query.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tiendo.query.directory.DirectoryQueries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changing who belongs to a collective assignee, from the agency page of its owner or a member (coordinator,
 * administrator): the candidates are its members and the agencies directly under its owner now.
 */
@Controller
public class GroupPages {

    /** A group's form: each candidate and whether it is a member now. */
    public record GroupForm(List<Candidate> candidates) {
    }

    public record Candidate(String agencyId, String name, boolean member) {
    }

    private final DirectoryQueries directory;
    private final CommandClient commands;

    public GroupPages(DirectoryQueries directory, CommandClient commands) {
        this.directory = directory;
        this.commands = commands;
    }

    static Map<String, GroupForm> forms(List<DirectoryQueries.GroupView> groups, DirectoryQueries directory) {
        Map<String, GroupForm> forms = new LinkedHashMap<>();
        for (DirectoryQueries.GroupView group : groups) {
            Set<String> members = group.members().stream().map(DirectoryQueries.GroupMember::agencyId).collect(Collectors.toSet());
            List<Candidate> candidates = new ArrayList<>();
            group.members().forEach(m -> candidates.add(new Candidate(m.agencyId(), m.name(), true)));
            directory.agencies(null, group.ownerAgencyId()).stream()
                    .filter(a -> a.closedOn() == null && !members.contains(a.agencyId()))
                    .forEach(a -> candidates.add(new Candidate(a.agencyId(), a.name(), false)));
            forms.put(group.groupId(), new GroupForm(candidates));
        }
        return forms;
    }

    @PostMapping("/app/agency-groups/{groupId}/members")
    public String changeMembers(@PathVariable String groupId, @RequestParam String agencyId,
                                @RequestParam(required = false) List<String> memberAgencyIds, @RequestParam String effectiveDate,
                                @RequestParam String reason, RedirectAttributes flash) {
        directory.agency(agencyId); // 404 for an agency nobody registered: the page to go back to
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberAgencyIds", memberAgencyIds == null ? List.of() : memberAgencyIds);
        body.put("effectiveDate", effectiveDate.isBlank() ? null : effectiveDate);
        body.put("reason", reason.isBlank() ? null : reason);
        CommandClient.Answer answer = commands.post("/api/agency-groups/" + Pages.requireId(groupId) + "/members", body);
        if (answer.accepted()) {
            flash.addFlashAttribute("message", "Đã cập nhật thành viên của nhóm / Group members recorded");
        } else {
            flash.addFlashAttribute("error", ReportForms.refusal(answer));
        }
        return "redirect:/app/agencies/" + Pages.requireId(agencyId);
    }
}
