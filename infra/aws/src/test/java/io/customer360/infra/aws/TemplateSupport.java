package io.customer360.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Reading synthesized CloudFormation as plain maps and lists. */
final class TemplateSupport {

  private TemplateSupport() {}

  /** Resources of a type by logical id. */
  static Map<String, Map<String, Object>> resources(Template template, String type) {
    return template.findResources(type);
  }

  /** The single resource of a type. */
  static Map<String, Object> only(Template template, String type) {
    Map<String, Map<String, Object>> found = resources(template, type);
    assertThat(found).as("resources of type %s", type).hasSize(1);
    return found.values().iterator().next();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  /** A value as a list: CloudFormation allows one element where a list is expected. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> values ? (List<Object>) values : List.of(value);
  }

  /** Statements of a policy document. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> statements(Object policyDocument) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Object statement : list(((Map<String, Object>) policyDocument).get("Statement"))) {
      result.add((Map<String, Object>) statement);
    }
    return result;
  }

  /** The actions of a statement as strings. */
  static List<String> actions(Map<String, Object> statement) {
    return list(statement.get("Action")).stream().map(Object::toString).toList();
  }
}
