package vn.tiendo.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every list of the query API as CSV, for Excel: {@code ?format=csv} or {@code Accept: text/csv}. Each item is one
 * row; nested fields become columns named by their path ({@code targetInForce.asWritten}); lists are written as JSON.
 * UTF-8 with a byte order mark, so that Excel shows Vietnamese correctly.
 */

public class CsvMessageConverter extends AbstractHttpMessageConverter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ObjectMapper json;

    public CsvMessageConverter(ObjectMapper json) {
        super(TEXT_CSV);
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return !ProblemDetail.class.isAssignableFrom(clazz) && !byte[].class.equals(clazz) && !String.class.equals(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("CSV is an output format only", inputMessage);
    }

    @Override
    protected void writeInternal(Object body, HttpOutputMessage output) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        JsonNode root = json.valueToTree(body instanceof Page<?> page ? page.items() : body);
        if (root.isArray()) {
            root.forEach(item -> rows.add(flatten(item)));
        } else {
            rows.add(flatten(root));
        }
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(columns);
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            columns.forEach(c -> cells.add(row.get(c)));
            printer.printRecord(cells);
        }
        printer.flush();
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            out.put(prefix, node.toString());
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        } else {
            out.put(prefix, null);
        }
    }
}
