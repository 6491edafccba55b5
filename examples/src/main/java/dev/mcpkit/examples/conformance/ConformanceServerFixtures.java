package dev.mcpkit.examples.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Elicitation;
import dev.mcpkit.core.schema.Prompts.GetPromptResult;
import dev.mcpkit.core.schema.Prompts.PromptMessage;
import dev.mcpkit.core.schema.Resources.TextResourceContents;
import dev.mcpkit.server.PromptDefinition;
import dev.mcpkit.server.ResourceDefinition;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/** Resources, prompts and media the conformance scenarios expect. */
final class ConformanceServerFixtures {
  /** A 1x1 red PNG. */
  static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8Dw"
      + "HwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
  static final String WAV = Base64.getEncoder().encodeToString(silentWav());
  static final List<String> COMPLETIONS = List.of("paris", "park", "party", "test", "testing");

  private ConformanceServerFixtures() {}

  static List<ResourceDefinition> resources() {
    return List.of(
        ResourceDefinition.builder("test://static-text").name("static-text")
            .description("A static text resource").mimeType("text/plain")
            .text("This is the content of the static text resource.").build(),
        ResourceDefinition.builder("test://static-binary").name("static-binary")
            .description("A static binary resource (a PNG image)").mimeType("image/png")
            .blob(Base64.getDecoder().decode(PNG)).build(),
        ResourceDefinition.builder("test://watched-resource").name("watched-resource")
            .description("A resource clients can subscribe to").mimeType("text/plain")
            .text("Watched resource content.").build(),
        ResourceDefinition.template("test://template/{id}/data").name("template-data")
            .description("Data for an id").mimeType("application/json")
            .reader((uri, vars, ctx) -> {
              String id = vars.get("id");
              ObjectNode json = McpJson.object().put("id", id).put("templateTest", true)
                  .put("data", "Data for ID: " + id);
              return List.of(new TextResourceContents(uri, "application/json",
                  McpJson.write(json)));
            }).build());
  }

  static List<PromptDefinition> prompts() {
    return List.of(
        PromptDefinition.builder("test_simple_prompt").description("A simple prompt without"
            + " arguments").handler((args, ctx) -> result(userText(
                "This is a simple prompt for testing."))).build(),
        PromptDefinition.builder("test_prompt_with_arguments")
            .description("A prompt with two arguments")
            .argument("arg1", "First test argument", true)
            .argument("arg2", "Second test argument", true)
            .handler((args, ctx) -> result(userText("Prompt with arguments: arg1='"
                + args.get("arg1") + "', arg2='" + args.get("arg2") + "'"))).build(),
        PromptDefinition.builder("test_prompt_with_embedded_resource")
            .description("A prompt with an embedded resource")
            .argument("resourceUri", "URI of the resource to embed", true)
            .handler((args, ctx) -> result(
                new PromptMessage(Role.USER, new Content.EmbeddedResource(
                    new TextResourceContents(args.get("resourceUri"), "text/plain",
                        "Embedded resource content for testing."))),
                userText("Please process the embedded resource above."))).build(),
        PromptDefinition.builder("test_prompt_with_image")
            .description("A prompt with an image")
            .handler((args, ctx) -> result(
                new PromptMessage(Role.USER, new Content.Image(PNG, "image/png")),
                userText("Please analyze the image above."))).build(),
        PromptDefinition.builder("test_input_required_result_prompt")
            .description("A prompt that asks the user for context first")
            .handler((args, ctx) -> {
              Elicitation.ElicitResult answer = ctx.elicit("user_context",
                  ConformanceServerTools.form("What context should the prompt use?",
                      "{\"type\":\"object\",\"properties\":{\"context\":{\"type\":\"string\"}},"
                          + "\"required\":[\"context\"]}"));
              return result(userText("Prompt with context: " + answer.content()));
            }).build());
  }

  static GetPromptResult result(PromptMessage... messages) {
    return new GetPromptResult(null, List.of(messages));
  }

  static PromptMessage userText(String text) {
    return new PromptMessage(Role.USER, new Content.Text(text));
  }

  /** A 0.1 s silent mono 8 kHz 16-bit WAV. */
  private static byte[] silentWav() {
    int samples = 800;
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000)
        .putInt(16000).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(samples * 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b.array(), 0, b.capacity());
    return out.toByteArray();
  }
}
