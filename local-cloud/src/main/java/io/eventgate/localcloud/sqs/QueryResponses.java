package io.eventgate.localcloud.sqs;

import io.eventgate.localcloud.edge.EdgeResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Renders the redrive operations' results in the SQS query protocol's XML, member names as the query API spells them. */
final class QueryResponses {

    private static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    /** A list member of the JSON result → the element each item gets in XML. */
    private static final Map<String, String> ITEMS = Map.of("queueUrls", "QueueUrl",
            "Results", "ListMessageMoveTasksResultEntry");

    private QueryResponses() {
    }

    static EdgeResponse render(String operation, JsonNode result) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><").append(operation)
                .append("Response xmlns=\"").append(NAMESPACE).append("\"><").append(operation).append("Result>");
        result.properties().forEach(member -> {
            String item = ITEMS.get(member.getKey());
            if (item != null) {
                for (JsonNode value : member.getValue()) {
                    element(xml, item, value);
                }
            } else {
                element(xml, member.getKey(), member.getValue());
            }
        });
        xml.append("</").append(operation).append("Result><ResponseMetadata><RequestId>")
                .append(UUID.randomUUID()).append("</RequestId></ResponseMetadata></").append(operation)
                .append("Response>");
        return EdgeResponse.of(200, "text/xml", xml.toString());
    }

    private static void element(StringBuilder xml, String name, JsonNode value) {
        xml.append('<').append(name).append('>');
        if (value.isObject()) {
            value.properties().forEach(child -> element(xml, child.getKey(), child.getValue()));
        } else {
            xml.append(escape(value.asString()));
        }
        xml.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
