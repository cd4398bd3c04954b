package vn.tiendo.query.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
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
 * <p>
 * Text that a spreadsheet would take for a formula (beginning with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 * carriage return, OWASP's rule) is written with a leading apostrophe, so that a report note such as
 * {@code =HYPERLINK(...)} reaches the reader as text. Numbers are written as plain decimals ({@code 90}, never
 * {@code 9E+1}) and are never prefixed.
 */

public class CsvMessageConverter extends AbstractHttpMessageConverter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ObjectMapper json;
    /** Lists go into one cell as JSON, with plain decimals. */
    private static final ObjectMapper PLAIN_JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

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
            for (JsonNode item : root) {
                rows.add(flatten(item));
            }
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

    /** A cell a spreadsheet would evaluate is made text. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static Map<String, String> flatten(JsonNode node) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) throws IOException {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            out.put(prefix, neutralise(PLAIN_JSON.writeValueAsString(node)));
        } else if (node.isNumber()) {
            out.put(prefix, node.isIntegralNumber() ? node.bigIntegerValue().toString() : plain(node.decimalValue()));
        } else if (!node.isNull()) {
            out.put(prefix, node.isTextual() ? neutralise(node.asText()) : node.asText());
        } else {
            out.put(prefix, null);
        }
    }
}
