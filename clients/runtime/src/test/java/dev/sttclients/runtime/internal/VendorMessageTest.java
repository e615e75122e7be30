package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.sttclients.runtime.AuthScheme;
import dev.sttclients.runtime.VendorProfile;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.ServiceException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vendor message of an error body: the profile's message field first, else the fields vendors actually
 * use ({@link ErrorTable#MESSAGE_FIELDS}), also nested and in lists; empty only when the body has none.
 */
class VendorMessageTest {
  /** A vendor whose error body is unknown: no model, no configured fields. */
  private static final VendorProfile OPEN = VendorProfile.of("open", "https://api.example.com", AuthScheme.bearer());
  /** Daily's shape: {"error": "<type>", "info": "<text>"}. */
  private static final VendorProfile TYPED = OPEN.withErrorBody(null, "error", "info");

  private static Optional<String> message(VendorProfile vendor, String body) {
    ServiceException e = new ErrorTable(vendor).toException("get", 404, Map.of(), body, null, 1);
    assertInstanceOf(NotFoundException.class, e);
    return e.vendorMessage();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"message": "job not found"}                                              | job not found
      {"error": "job not found"}                                                | job not found
      {"error": {"message": "nested message"}}                                  | nested message
      {"error": {"code": 404, "message": "nested with code"}}                   | nested with code
      {"detail": "Not Found"}                                                   | Not Found
      {"detail": [{"loc": ["path", "jobId"], "msg": "string does not match regex", "type": "value_error"}]} | string does not match regex
      {"detail": [{"loc": ["query", "a"], "msg": "first"}, {"loc": ["query", "b"], "msg": "second"}]} | first; second
      {"detail": ["plain", "strings"]}                                           | plain; strings
      {"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "Job 123456 not found"}  | Job 123456 not found
      {"info": "only info"}                                                     | only info
      {"error_message": "snake case"}                                           | snake case
      {"error_message": {"code": "JOB_FAILED", "message": "inside error_message"}} | inside error_message
      {"type": "about:blank", "title": "Not Found", "status": 404}              | Not Found
      {"type": "about:blank", "title": "Not Found", "detail": "Job 7 does not exist"} | Job 7 does not exist
      {"errors": [{"message": "a"}, {"detail": "b"}]}                           | a; b
      {"message": "   ", "detail": "blank message skipped"}                      | blank message skipped
      {"message": 42, "error": "a number is not a message"}                     | a number is not a message
      {"message": null, "error": {"msg": "null skipped"}}                       | null skipped
      {"statusCode": 404, "message": "Gladia style", "request_id": "G-1"}       | Gladia style
      """)
  void openBodiesGiveTheirMessage(String body, String expected) {
    assertEquals(Optional.of(expected), message(OPEN, body));
  }

  @Test
  void theConfiguredFieldComesFirst() {
    assertEquals(Optional.of("job abc not found"),
        message(TYPED, "{\"message\": \"generic\", \"error\": \"not-found\", \"info\": \"job abc not found\"}"));
  }

  @Test
  void whenTheConfiguredFieldIsAbsentTheCommonOnesAreTried() {
    assertEquals(Optional.of("from message"), message(TYPED, "{\"error\": \"not-found\", \"message\": \"from message\"}"));
    assertEquals(Optional.of("from detail"), message(TYPED, "{\"detail\": \"from detail\"}"));
    // The configured message field holding a list (FastAPI's detail where a string was expected).
    assertEquals(Optional.of("bad id"),
        message(OPEN.withErrorBody(null, null, "detail"), "{\"detail\": [{\"msg\": \"bad id\"}]}"));
  }

  @Test
  void theErrorTypeFieldIsNotAMessage() {
    // Daily's "error" is its machine-readable type: a body with only the type has no message.
    assertEquals(Optional.empty(), message(TYPED, "{\"error\": \"not-found\"}"));
    // ...but an object under that name may carry one.
    assertEquals(Optional.of("inner"), message(TYPED, "{\"error\": {\"message\": \"inner\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {}
      {"code": 404, "status": "NOT_FOUND"}
      {"request_id": "r-1", "timestamp": "2024-05-01T00:00:00Z", "path": "/v2/x"}
      {"error": {"code": 5}}
      {"detail": []}
      {"errors": [{"code": "x"}]}
      {"message": ""}
      """)
  void aBodyWithoutAMessageStaysEmpty(String body) {
    assertEquals(Optional.empty(), message(OPEN, body));
  }

  @Test
  void nestingIsFollowedOnlyThreeLevelsDeep() {
    assertEquals(Optional.of("three"), message(OPEN, "{\"error\": {\"error\": {\"message\": \"three\"}}}"));
    assertEquals(Optional.empty(), message(OPEN, "{\"error\": {\"error\": {\"error\": {\"message\": \"four\"}}}}"));
  }

  @Test
  void listsCountAsLevelsToo() {
    assertEquals(Optional.of("two"), message(OPEN, "{\"detail\": [[\"two\"]]}"));
    assertEquals(Optional.empty(), message(OPEN, "{\"detail\": [[[\"three lists down\"]]]}"));
  }

  /** Only an object has fields: anything else (or nothing) has no vendor message, not an empty one. */
  @Test
  void onlyAnObjectHasAVendorMessage() {
    var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    org.junit.jupiter.api.Assertions.assertNull(ErrorTable.vendorMessage(null, "message", null));
    org.junit.jupiter.api.Assertions.assertNull(ErrorTable.vendorMessage(json.textNode("text"), "message", null));
    org.junit.jupiter.api.Assertions.assertNull(
        ErrorTable.vendorMessage(json.arrayNode().add("text"), "message", null));
    assertEquals("from message", ErrorTable.vendorMessage(json.objectNode().put("message", "from message"),
        "message", null));
  }

  @Test
  void aLongListIsCut() {
    String items = IntStream.range(0, 12).mapToObj(i -> "{\"msg\": \"m" + i + "\"}").collect(Collectors.joining(","));
    String expected = IntStream.range(0, 10).mapToObj(i -> "m" + i).collect(Collectors.joining("; ")) + "; ...";
    assertEquals(Optional.of(expected), message(OPEN, "{\"detail\": [" + items + "]}"));
  }

  @Test
  void nonObjectBodies() {
    // A short non-JSON body is the message itself; an HTML page is not.
    assertEquals(Optional.of("Bad Gateway"), message(OPEN, "Bad Gateway"));
    assertEquals(Optional.empty(), message(OPEN, "<html><body>Bad Gateway</body></html>"));
    assertEquals(Optional.empty(), message(OPEN, ""));
    // A JSON list at the top: its items' messages, and never the list's JSON text.
    assertEquals(Optional.of("a; b"), message(OPEN, "[{\"message\": \"a\"}, {\"message\": \"b\"}]"));
    assertEquals(Optional.empty(), message(OPEN, "[1, 2, 3]"));
    assertEquals(Optional.empty(), message(OPEN, "42"));
  }
}
