package vn.tiendo.command.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.command.web.Caller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Nhập kế hoạch / Import plans")
public class ImportController {

    private final ImportService imports;

    public ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/agencies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an agency list (XLSX or CSV: Mã, Tên, Loại, Cơ quan cấp trên)")
    public ImportService.Outcome agencies(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
                                          HttpServletRequest http) {
        return imports.importAgencies(name(file), bytes(file), Caller.from(http), dryRun);
    }

    @PostMapping(value = "/indicators", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a plan's indicator table (STT, Chỉ tiêu, Đơn vị tính, Mục tiêu <năm>…, Cơ quan chủ trì, Cơ quan theo dõi)")
    public ImportService.Outcome indicators(@RequestParam String planId, @RequestPart("file") MultipartFile file,
                                            @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest http) {
        return imports.importIndicators(planId, name(file), bytes(file), Caller.from(http), dryRun);
    }

    @PostMapping(value = "/tasks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a plan's task table (STT, Nội dung, Chủ trì, Phối hợp, Thời gian hoàn thành, Sản phẩm)")
    public ImportService.Outcome tasks(@RequestParam String planId, @RequestPart("file") MultipartFile file,
                                       @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest http) {
        return imports.importTasks(planId, name(file), bytes(file), Caller.from(http), dryRun);
    }

    @GetMapping("/templates/{kind}.{format}")
    @Operation(summary = "A template to fill in: agencies, indicators or tasks, as xlsx or csv")
    public ResponseEntity<byte[]> template(@PathVariable String kind, @PathVariable String format) {
        byte[] body = ImportTemplates.of(kind, format);
        String fileName = "mau-" + kind + "." + format;
        MediaType type = "xlsx".equals(format)
                ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : new MediaType("text", "csv", StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "upload" : name.replaceAll("[\\\\/]", "_");
    }

    private static byte[] bytes(MultipartFile file) {
        if (file.isEmpty()) {
            throw new RuleViolation("file", "the file is empty");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new RuleViolation("file", "the file could not be read");
        }
    }
}
