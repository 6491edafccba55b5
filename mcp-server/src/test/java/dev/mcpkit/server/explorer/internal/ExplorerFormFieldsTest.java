package dev.mcpkit.server.explorer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.server.explorer.internal.FormField.Kind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplorerFormFieldsTest {

  @Test
  void eachPropertyBecomesOneFieldInSchemaOrderWithItsTypeRequirednessAndDescription()
      throws IOException {
    List<FormField> fields = FormFields.of(json("""
        {"type":"object","properties":{
          "city":{"type":"string","description":"City name"},
          "days":{"type":"integer","default":3},
          "ratio":{"type":"number"},
          "verbose":{"type":"boolean","title":"Verbose output"}},
         "required":["city"]}"""));

    assertThat(fields).extracting(FormField::name).containsExactly("city", "days", "ratio",
        "verbose");
    assertThat(fields).extracting(FormField::kind)
        .containsExactly(Kind.STRING, Kind.INTEGER, Kind.NUMBER, Kind.BOOLEAN);
    assertThat(fields).extracting(FormField::required).containsExactly(true, false, false, false);
    assertThat(fields.get(0).description()).isEqualTo("City name");
    assertThat(fields.get(1).defaultValue()).isEqualTo(json("3"));
    assertThat(fields.get(3).title()).isEqualTo("Verbose output");
    assertThat(fields.get(0).typeLabel()).isEqualTo("string");
  }

  @Test
  void enumValuesKeepTheirJsonTypeAndOneOfConstsKeepTheirTitles() throws IOException {
    List<FormField> fields = FormFields.of(json("""
        {"type":"object","properties":{
          "units":{"type":"string","enum":["metric","imperial"],"default":"metric"},
          "level":{"type":"integer","enum":[1,2,3]},
          "size":{"type":"string","oneOf":[{"const":"s","title":"Small"},{"const":"l","title":"Large"}]},
          "mode":{"const":"fast"}}}"""));

    FormField units = fields.get(0);
    assertThat(units.kind()).isEqualTo(Kind.ENUM);
    assertThat(units.enumValues()).containsExactly(json("\"metric\""), json("\"imperial\""));
    assertThat(units.defaultValue()).isEqualTo(json("\"metric\""));
    assertThat(fields.get(1).enumValues()).containsExactly(json("1"), json("2"), json("3"));
    assertThat(fields.get(1).typeLabel()).isEqualTo("integer");
    assertThat(fields.get(2).enumLabels()).containsExactly("Small", "Large");
    assertThat(fields.get(2).enumValues()).containsExactly(json("\"s\""), json("\"l\""));
    assertThat(fields.get(3).kind()).isEqualTo(Kind.ENUM);
    assertThat(fields.get(3).enumValues()).containsExactly(json("\"fast\""));
  }

  @Test
  void arraysOfScalarsAreEditedAsLinesAndArraysOfObjectsAsJson() throws IOException {
    List<FormField> fields = FormFields.of(json("""
        {"type":"object","properties":{
          "tags":{"type":"array","items":{"type":"string"}},
          "scores":{"type":"array","items":{"type":"number"}},
          "points":{"type":"array","items":{"type":"object","properties":{"x":{"type":"number"}}}},
          "anything":{"type":"array"}}}"""));

    assertThat(fields).extracting(FormField::kind).containsOnly(Kind.ARRAY);
    assertThat(fields).extracting(FormField::itemKind)
        .containsExactly(Kind.STRING, Kind.NUMBER, Kind.JSON, Kind.JSON);
    assertThat(fields).extracting(FormField::typeLabel).containsExactly("array of string",
        "array of number", "array of object", "array of any");
  }

  @Test
  void nestedObjectsAndUnionsBecomeJsonTextareas() throws IOException {
    List<FormField> fields = FormFields.of(json("""
        {"type":"object","properties":{
          "address":{"type":"object","properties":{"street":{"type":"string"}}},
          "filter":{"properties":{"q":{"type":"string"}}},
          "value":{"anyOf":[{"type":"string"},{"type":"number"}]},
          "untyped":{}}}"""));

    assertThat(fields).extracting(FormField::kind)
        .containsExactly(Kind.OBJECT, Kind.OBJECT, Kind.JSON, Kind.JSON);
    assertThat(fields.get(2).typeLabel()).isEqualTo("any");
  }

  @Test
  void nullableTypesMapToTheirNonNullTypeAndSayTheyAreNullable() throws IOException {
    List<FormField> fields = FormFields.of(json("""
        {"type":"object","properties":{
          "a":{"type":["string","null"]},
          "b":{"anyOf":[{"type":"integer"},{"type":"null"}],"default":null,"description":"B"}}}"""));

    assertThat(fields.get(0).kind()).isEqualTo(Kind.STRING);
    assertThat(fields.get(0).typeLabel()).isEqualTo("string | null");
    assertThat(fields.get(1).kind()).isEqualTo(Kind.INTEGER);
    assertThat(fields.get(1).typeLabel()).isEqualTo("integer | null");
    assertThat(fields.get(1).description()).isEqualTo("B");
    assertThat(fields.get(1).defaultValue()).isEqualTo(json("null"));
  }

  @Test
  void localReferencesAreFollowedAsPydanticWritesThem() throws IOException {
    List<FormField> fields = FormFields.of(json("""
        {"$defs":{"Color":{"type":"string","enum":["red","green"],"title":"Color"},
                  "Point":{"type":"object","properties":{"x":{"type":"number"}}}},
         "type":"object","properties":{
           "color":{"$ref":"#/$defs/Color","description":"Pick one"},
           "where":{"$ref":"#/$defs/Point"},
           "loop":{"$ref":"#/properties/loop"}},
         "required":["color"]}"""));

    assertThat(fields.get(0).kind()).isEqualTo(Kind.ENUM);
    assertThat(fields.get(0).description()).isEqualTo("Pick one");
    assertThat(fields.get(0).required()).isTrue();
    assertThat(fields.get(1).kind()).isEqualTo(Kind.OBJECT);
    assertThat(fields.get(2).kind()).isEqualTo(Kind.JSON);
  }

  @Test
  void aSchemaWithoutPropertiesHasNoFields() throws IOException {
    assertThat(FormFields.of(json("{\"type\":\"object\"}"))).isEmpty();
    assertThat(FormFields.of(null)).isEmpty();
    assertThat(FormFields.of(json("{\"$ref\":\"#/nowhere\"}"))).isEmpty();
  }

  @Test
  void exampleArgumentsFillOnlyRequiredFieldsPreferringDefaults() throws IOException {
    List<FormField> fields = FormFields.of(json("""
        {"type":"object","properties":{
          "city":{"type":"string"},
          "days":{"type":"integer","default":3},
          "units":{"enum":["metric","imperial"]},
          "flag":{"type":"boolean"},
          "tags":{"type":"array","items":{"type":"string"}},
          "where":{"type":"object"},
          "optional":{"type":"string"}},
         "required":["city","days","units","flag","tags","where"]}"""));

    assertThat(FormFields.exampleArguments(fields)).isEqualTo(json("""
        {"city":"example","days":3,"units":"metric","flag":false,"tags":[],"where":{}}"""));
  }

  private static JsonNode json(String text) throws IOException {
    return McpJson.mapper().readTree(text);
  }
}
