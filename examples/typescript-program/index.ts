import * as pulumi from "@pulumi/pulumi";
import * as iapCloudrun from "@pulumi/iap-cloudrun";

const config = new pulumi.Config();
const gcp = new pulumi.Config("gcp");
const project = gcp.require("project");
const region = gcp.require("region");

const setup = new iapCloudrun.IapProjectSetup("setup", {
    project: project,
});

// The API behind the portal: reached only through IAP, by the portal and the on-call group.
const api = new iapCloudrun.IapCloudRunService("orders-api", {
    project: project,
    region: region,
    image: config.require("apiImage"),
    iapAgentMember: setup.iapAgentMember,
    ingress: "internal-and-cloud-load-balancing",
    deletionProtection: true,
    cpu: "1",
    memory: "512Mi",
});

const portal = new iapCloudrun.IapCloudRunService("portal", {
    project: project,
    region: region,
    image: config.require("portalImage"),
    iapAgentMember: setup.iapAgentMember,
    env: [
        { name: "ORDERS_API_URL", value: api.uri },
    ],
});

new iapCloudrun.IapAccessorBinding("portal-accessors", {
    project: project,
    region: region,
    serviceName: portal.serviceName,
    mode: "authoritative",
    members: ["group:staff@acme.example"],
});

// With IAP on, a caller needs IAP access, not roles/run.invoker: the portal's identity is an accessor of the API.
new iapCloudrun.IapAccessorBinding("orders-api-accessors", {
    project: project,
    region: region,
    serviceName: api.serviceName,
    mode: "authoritative",
    members: pulumi.all([portal.runtimeMember]).apply(([portalMember]) => ["group:oncall@acme.example", portalMember]),
});

new iapCloudrun.IapOAuthClientSettings("oauth-client", {
    projectNumber: setup.projectNumber,
    clientId: "123456789012-portal.apps.googleusercontent.com",
    clientSecret: config.requireSecret("oauthClientSecret"),
    programmaticClients: ["123456789012-cli.apps.googleusercontent.com"],
});

export const portalUrl = portal.uri;
export const apiIdentity = api.runtimeIdentity;
