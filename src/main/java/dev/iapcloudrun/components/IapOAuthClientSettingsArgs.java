package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link IapOAuthClientSettings}. The settings apply to every IAP resource of the project, or, with
 * {@code region} and {@code serviceName}, to one Cloud Run service.
 */
public final class IapOAuthClientSettingsArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The project number: {@link IapProjectSetup#projectNumber()}. Required.
     */
    @Import(name="projectNumber", required=true)
    private Output<String> projectNumber;

    public Output<String> projectNumber() {
        return this.projectNumber;
    }

    /**
     * The service's region, for settings of one service. Default: settings of the project.
     */
    @Import(name="region")
    private @Nullable Output<String> region;

    public Optional<Output<String>> region() {
        return Optional.ofNullable(this.region);
    }

    /**
     * The service's name, for settings of one service; given together with {@code region}.
     */
    @Import(name="serviceName")
    private @Nullable Output<String> serviceName;

    public Optional<Output<String>> serviceName() {
        return Optional.ofNullable(this.serviceName);
    }

    /**
     * The OAuth client id, ending in {@code .apps.googleusercontent.com}. Required.
     */
    @Import(name="clientId", required=true)
    private Output<String> clientId;

    public Output<String> clientId() {
        return this.clientId;
    }

    /**
     * The OAuth client secret. Required; always sent and stored as a secret, whatever the caller passed.
     */
    @Import(name="clientSecret", required=true)
    private Output<String> clientSecret;

    public Output<String> clientSecret() {
        return this.clientSecret;
    }

    /**
     * A domain or email hinted to the sign-in page. Default none.
     */
    @Import(name="loginHint")
    private @Nullable Output<String> loginHint;

    public Optional<Output<String>> loginHint() {
        return Optional.ofNullable(this.loginHint);
    }

    /**
     * OAuth client ids whose ID tokens IAP accepts for programmatic callers. Default none.
     */
    @Import(name="programmaticClients")
    private @Nullable Output<List<String>> programmaticClients;

    public Optional<Output<List<String>>> programmaticClients() {
        return Optional.ofNullable(this.programmaticClients);
    }

    /**
     * The host names requests may use (IAP's {@code allowedDomainsSettings}). Default: unrestricted.
     * It says nothing of who may sign in.
     */
    @Import(name="allowedRequestHosts")
    private @Nullable Output<List<String>> allowedRequestHosts;

    public Optional<Output<List<String>>> allowedRequestHosts() {
        return Optional.ofNullable(this.allowedRequestHosts);
    }

    private IapOAuthClientSettingsArgs() {}

    private IapOAuthClientSettingsArgs(IapOAuthClientSettingsArgs $) {
        this.projectNumber = $.projectNumber;
        this.region = $.region;
        this.serviceName = $.serviceName;
        this.clientId = $.clientId;
        this.clientSecret = $.clientSecret;
        this.loginHint = $.loginHint;
        this.programmaticClients = $.programmaticClients;
        this.allowedRequestHosts = $.allowedRequestHosts;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(IapOAuthClientSettingsArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private IapOAuthClientSettingsArgs $;

        public Builder() {
            $ = new IapOAuthClientSettingsArgs();
        }

        public Builder(IapOAuthClientSettingsArgs defaults) {
            $ = new IapOAuthClientSettingsArgs(Objects.requireNonNull(defaults));
        }

        public Builder projectNumber(Output<String> projectNumber) {
            $.projectNumber = projectNumber;
            return this;
        }

        public Builder projectNumber(String projectNumber) {
            return projectNumber(Output.of(projectNumber));
        }

        public Builder region(@Nullable Output<String> region) {
            $.region = region;
            return this;
        }

        public Builder region(String region) {
            return region(Output.of(region));
        }

        public Builder serviceName(@Nullable Output<String> serviceName) {
            $.serviceName = serviceName;
            return this;
        }

        public Builder serviceName(String serviceName) {
            return serviceName(Output.of(serviceName));
        }

        public Builder clientId(Output<String> clientId) {
            $.clientId = clientId;
            return this;
        }

        public Builder clientId(String clientId) {
            return clientId(Output.of(clientId));
        }

        public Builder clientSecret(Output<String> clientSecret) {
            $.clientSecret = clientSecret;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            return clientSecret(Output.of(clientSecret));
        }

        public Builder loginHint(@Nullable Output<String> loginHint) {
            $.loginHint = loginHint;
            return this;
        }

        public Builder loginHint(String loginHint) {
            return loginHint(Output.of(loginHint));
        }

        public Builder programmaticClients(@Nullable Output<List<String>> programmaticClients) {
            $.programmaticClients = programmaticClients;
            return this;
        }

        public Builder programmaticClients(List<String> programmaticClients) {
            return programmaticClients(Output.of(programmaticClients));
        }

        public Builder programmaticClients(String... programmaticClients) {
            return programmaticClients(List.of(programmaticClients));
        }

        public Builder allowedRequestHosts(@Nullable Output<List<String>> allowedRequestHosts) {
            $.allowedRequestHosts = allowedRequestHosts;
            return this;
        }

        public Builder allowedRequestHosts(List<String> allowedRequestHosts) {
            return allowedRequestHosts(Output.of(allowedRequestHosts));
        }

        public Builder allowedRequestHosts(String... allowedRequestHosts) {
            return allowedRequestHosts(List.of(allowedRequestHosts));
        }

        public IapOAuthClientSettingsArgs build() {
            return $;
        }
    }
}
