package dev.mcpkit.core.schema;

import static dev.mcpkit.core.schema.OfficialExamplesTest.Mapping.error;
import static dev.mcpkit.core.schema.OfficialExamplesTest.Mapping.params;
import static dev.mcpkit.core.schema.OfficialExamplesTest.Mapping.result;
import static dev.mcpkit.core.schema.OfficialExamplesTest.Mapping.whole;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mcpkit.core.schema.OfficialExamplesTest.Mapping;
import java.util.Map;

/** Official example folder (the schema type name) to the record that reads it. */
final class ExampleMappings {
  static final Map<String, Mapping> ALL = Map.ofEntries(
      // content
      Map.entry("TextContent", whole(Content.ContentBlock.class, Content.Text.class)),
      Map.entry("ImageContent", whole(Content.ContentBlock.class, Content.Image.class)),
      Map.entry("AudioContent", whole(Content.ContentBlock.class, Content.Audio.class)),
      Map.entry("ResourceLink", whole(Content.ContentBlock.class, Content.ResourceLink.class)),
      Map.entry("EmbeddedResource",
          whole(Content.ContentBlock.class, Content.EmbeddedResource.class)),
      Map.entry("ToolUseContent", whole(Content.ContentBlock.class, Content.ToolUse.class)),
      Map.entry("ToolResultContent", whole(Content.ContentBlock.class, Content.ToolResult.class)),
      // resources
      Map.entry("Resource", whole(Resources.Resource.class)),
      Map.entry("TextResourceContents",
          whole(Resources.ResourceContents.class, Resources.TextResourceContents.class)),
      Map.entry("BlobResourceContents",
          whole(Resources.ResourceContents.class, Resources.BlobResourceContents.class)),
      Map.entry("ListResourcesRequest", params(Pagination.PaginatedParams.class)),
      Map.entry("ListResourcesResult", whole(Resources.ListResourcesResult.class)),
      Map.entry("ListResourcesResultResponse", result(Resources.ListResourcesResult.class)),
      Map.entry("ListResourceTemplatesRequest", params(Pagination.PaginatedParams.class)),
      Map.entry("ListResourceTemplatesResult",
          whole(Resources.ListResourceTemplatesResult.class)),
      Map.entry("ListResourceTemplatesResultResponse",
          result(Resources.ListResourceTemplatesResult.class)),
      Map.entry("ReadResourceRequest", params(Resources.ReadResourceParams.class)),
      Map.entry("ReadResourceResult", whole(Resources.ReadResourceResult.class)),
      Map.entry("ReadResourceResultResponse", result(Resources.ReadResourceResult.class)),
      Map.entry("ResourceUpdatedNotification", params(Resources.ResourceUpdatedParams.class)),
      Map.entry("ResourceUpdatedNotificationParams",
          whole(Resources.ResourceUpdatedParams.class)),
      Map.entry("ResourceListChangedNotification", params(Base.NotificationParams.class)),
      // tools
      Map.entry("Tool", whole(Tools.Tool.class)),
      Map.entry("ListToolsRequest", params(Pagination.PaginatedParams.class)),
      Map.entry("ListToolsResult", whole(Tools.ListToolsResult.class)),
      Map.entry("ListToolsResultResponse", result(Tools.ListToolsResult.class)),
      Map.entry("CallToolRequest", params(Tools.CallToolParams.class)),
      Map.entry("CallToolRequestParams", whole(Tools.CallToolParams.class)),
      Map.entry("CallToolResult", whole(Tools.CallToolResult.class)),
      Map.entry("CallToolResultResponse", result(Tools.CallToolResult.class)),
      Map.entry("ToolListChangedNotification", params(Base.NotificationParams.class)),
      // prompts and completion
      Map.entry("ListPromptsRequest", params(Pagination.PaginatedParams.class)),
      Map.entry("ListPromptsResult", whole(Prompts.ListPromptsResult.class)),
      Map.entry("ListPromptsResultResponse", result(Prompts.ListPromptsResult.class)),
      Map.entry("GetPromptRequest", params(Prompts.GetPromptParams.class)),
      Map.entry("GetPromptRequestParams", whole(Prompts.GetPromptParams.class)),
      Map.entry("GetPromptResult", whole(Prompts.GetPromptResult.class)),
      Map.entry("GetPromptResultResponse", result(Prompts.GetPromptResult.class)),
      Map.entry("PromptListChangedNotification", params(Base.NotificationParams.class)),
      Map.entry("CompleteRequest", params(Completions.CompleteParams.class)),
      Map.entry("CompleteRequestParams", whole(Completions.CompleteParams.class)),
      Map.entry("CompleteResult", whole(Completions.CompleteResult.class)),
      Map.entry("CompleteResultResponse", result(Completions.CompleteResult.class)),
      // lifecycle, pagination, logging, progress, cancellation
      Map.entry("ClientCapabilities", whole(Lifecycle.ClientCapabilities.class)),
      Map.entry("ServerCapabilities", whole(Lifecycle.ServerCapabilities.class)),
      Map.entry("DiscoverRequest", params(Base.RequestParams.class)),
      Map.entry("DiscoverResult", whole(Lifecycle.DiscoverResult.class)),
      Map.entry("DiscoverResultResponse", result(Lifecycle.DiscoverResult.class)),
      Map.entry("PaginatedRequestParams", whole(Pagination.PaginatedParams.class)),
      Map.entry("LoggingMessageNotification", params(Logging.LoggingMessageParams.class)),
      Map.entry("LoggingMessageNotificationParams", whole(Logging.LoggingMessageParams.class)),
      Map.entry("ProgressNotification", params(Progress.ProgressParams.class)),
      Map.entry("ProgressNotificationParams", whole(Progress.ProgressParams.class)),
      Map.entry("CancelledNotification", params(Cancellation.CancelledParams.class)),
      Map.entry("CancelledNotificationParams", whole(Cancellation.CancelledParams.class)),
      // sampling, elicitation, roots: in 2026-07-28 these are input requests and responses
      Map.entry("CreateMessageRequest",
          whole(Inputs.InputRequest.class, Inputs.CreateMessageRequest.class)),
      Map.entry("CreateMessageRequestParams", whole(Sampling.CreateMessageParams.class)),
      Map.entry("CreateMessageResult", whole(Sampling.CreateMessageResult.class)),
      Map.entry("SamplingMessage", whole(Sampling.SamplingMessage.class)),
      Map.entry("ModelPreferences", whole(Sampling.ModelPreferences.class)),
      Map.entry("ElicitRequest", whole(Inputs.InputRequest.class, Inputs.ElicitRequest.class)),
      Map.entry("ElicitRequestFormParams",
          whole(Elicitation.ElicitParams.class, Elicitation.FormParams.class)),
      Map.entry("ElicitRequestURLParams",
          whole(Elicitation.ElicitParams.class, Elicitation.UrlParams.class)),
      Map.entry("ElicitResult", whole(Elicitation.ElicitResult.class)),
      Map.entry("StringSchema", schema(ElicitationSchema.StringSchema.class)),
      Map.entry("NumberSchema", schema(ElicitationSchema.NumberSchema.class)),
      Map.entry("BooleanSchema", schema(ElicitationSchema.BooleanSchema.class)),
      Map.entry("UntitledSingleSelectEnumSchema",
          schema(ElicitationSchema.UntitledSingleSelectEnumSchema.class)),
      Map.entry("TitledSingleSelectEnumSchema",
          schema(ElicitationSchema.TitledSingleSelectEnumSchema.class)),
      Map.entry("UntitledMultiSelectEnumSchema",
          schema(ElicitationSchema.UntitledMultiSelectEnumSchema.class)),
      Map.entry("TitledMultiSelectEnumSchema",
          schema(ElicitationSchema.TitledMultiSelectEnumSchema.class)),
      Map.entry("ListRootsRequest",
          whole(Inputs.InputRequest.class, Inputs.ListRootsRequest.class)),
      Map.entry("ListRootsResult", whole(Roots.ListRootsResult.class)),
      Map.entry("Root", whole(Roots.Root.class)),
      // multi round trip and subscriptions
      Map.entry("InputRequiredResult", whole(Inputs.InputRequiredResult.class)),
      Map.entry("InputRequests", whole(new TypeReference<Map<String, Inputs.InputRequest>>() {})),
      Map.entry("InputResponses",
          whole(new TypeReference<Map<String, Inputs.InputResponse>>() {})),
      Map.entry("SubscriptionsListenRequest", params(Subscriptions.ListenParams.class)),
      Map.entry("SubscriptionsListenResult", whole(Subscriptions.ListenResult.class)),
      Map.entry("SubscriptionsListenResultResponse", result(Subscriptions.ListenResult.class)),
      Map.entry("SubscriptionsAcknowledgedNotification",
          params(Subscriptions.AcknowledgedParams.class)),
      // errors: the code (constants live in the JSON-RPC layer), and typed data where MCP has it
      Map.entry("ParseError", error(-32700)),
      Map.entry("InvalidParamsError", error(-32602)),
      Map.entry("MethodNotFoundError", error(-32601)),
      Map.entry("InternalError", error(-32603)),
      Map.entry("HeaderMismatchError", error(-32020)),
      Map.entry("MissingRequiredClientCapabilityError", error(
          -32021,
          Errors.MissingRequiredClientCapabilityData.class)),
      Map.entry("UnsupportedProtocolVersionError", error(-32022,
          Errors.UnsupportedProtocolVersionData.class)));

  private ExampleMappings() {}

  private static Mapping schema(Class<?> expected) {
    return whole(ElicitationSchema.PrimitiveSchema.class, expected);
  }
}
