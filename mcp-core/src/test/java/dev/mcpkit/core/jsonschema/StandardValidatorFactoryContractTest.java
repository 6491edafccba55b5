package dev.mcpkit.core.jsonschema;

/** The standard factory keeps the factory contract. */
class StandardValidatorFactoryContractTest extends JsonSchemaValidatorFactoryContract {
  @Override
  protected JsonSchemaValidator.Factory factory() {
    return JsonSchemaValidator.Factory.STANDARD;
  }
}
