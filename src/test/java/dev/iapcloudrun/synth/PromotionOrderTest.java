package dev.iapcloudrun.synth;

import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromotionOrderTest {

    @TempDir
    Path root;

    private static List<String> problems(String yaml) {
        return PromotionOrder.parse(yaml).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void sortsDeclaredStacksAsDeclaredAndTheOthersAfterThemAlphabetically() {
        var order = PromotionOrder.parse("order: [dev, staging, prod]\n");

        assertThat(order.sort(List.of("qa", "prod", "alpha", "staging", "dev"))).containsExactly("dev", "staging", "prod", "alpha", "qa");
    }

    @Test
    void sortsAlphabeticallyWhenTheProjectDeclaresNoOrder() throws IOException {
        assertThat(PromotionOrder.read(root).sort(List.of("staging", "prod", "dev"))).containsExactly("dev", "prod", "staging");
    }

    @Test
    void failsWithEveryLocatedProblemOfAMalformedFile() {
        assertThat(problems("ordr: [dev]\norder: [dev, {x: 1}, dev, ~]\n")).containsExactly(
                "promotion-order.yaml:1:1: ordr: unknown field 'ordr'; did you mean 'order'? expected only order",
                "promotion-order.yaml:2:14: order[1]: found a mapping; expected a stack name",
                "promotion-order.yaml:2:22: order[2]: 'dev' is listed twice (first at line 2); expected each stack once",
                "promotion-order.yaml:2:27: order[3]: found nothing (null); expected a stack name");
    }

    @Test
    void failsWhenOrderIsMissingOrNotAList() {
        assertThat(problems("# no order\n{}\n")).singleElement().asString()
                .startsWith("promotion-order.yaml:2:1: order: the field 'order' is missing; expected the stacks in promotion order");
        assertThat(problems("order: dev, staging\n")).containsExactly(
                "promotion-order.yaml:1:8: order: found the text \"dev, staging\"; expected a list of stack names");
        assertThat(problems("- dev\n")).singleElement().asString().startsWith("promotion-order.yaml:1:1: found a list; expected a mapping with 'order'");
    }

    @Test
    void failsOnAnEmptyFileSayingWhatThisFileExpects() {
        assertThat(problems("# only a comment\n")).singleElement().asString()
                .isEqualTo("promotion-order.yaml:1:1: the file is empty; expected a mapping with 'order', the stacks in promotion order, "
                        + "such as order: [dev, staging, prod]");
    }

    @Test
    void reportsADeclaredNameThatIsNotAStackWithDidYouMean() {
        var order = PromotionOrder.parse("order:\n  - dev\n  - stagign\n  - prod\n");

        assertThat(order.check(List.of("dev", "staging", "prod")).stream().map(Problem::toString)).containsExactly(
                "promotion-order.yaml:3:5: order[1]: 'stagign' is not a stack of this project; did you mean 'staging'? "
                        + "expected one of dev, prod, staging (a stack is Pulumi.STACK.yaml with stacks/STACK.yaml), or remove it");
    }

    @Test
    void listsTheProjectsStacksInPromotionOrderAndRefusesAMalformedOrder() throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: p\nruntime: java\n");
        Files.createDirectories(root.resolve("stacks"));
        for (var stack : List.of("dev", "prod", "staging", "qa")) {
            Files.writeString(root.resolve("Pulumi." + stack + ".yaml"), "config: {}\n");
            Files.writeString(root.resolve("stacks/" + stack + ".yaml"), "services: []\n");
        }
        Files.writeString(root.resolve(PromotionOrder.FILE), "order: [dev, staging, prod]\n");

        assertThat(PulumiProject.load(root).stacks()).containsExactly("dev", "staging", "prod", "qa");

        Files.writeString(root.resolve(PromotionOrder.FILE), "order: [dev, [staging]]\n");
        assertThatThrownBy(() -> PulumiProject.load(root).stacks()).isInstanceOf(InputException.class)
                .hasMessage("1 problem in promotion-order.yaml:\n  promotion-order.yaml:1:14: order[1]: found a list; expected a stack name");
    }

    @Test
    void theBundledProjectDeclaresItsOrderAndEveryNameIsAStack() throws IOException {
        var project = PulumiProject.load(Path.of(""));

        assertThat(project.promotionOrder().check(project.unordered())).isEmpty();
        assertThat(project.stacks()).startsWith("dev", "staging", "prod");
    }
}
