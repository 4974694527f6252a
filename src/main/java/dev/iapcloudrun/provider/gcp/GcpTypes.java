package dev.iapcloudrun.provider.gcp;

/** Type tokens of the pulumi-gcp resources the program emits, as the engine and plans spell them. */
public final class GcpTypes {

    public static final String RUN_SERVICE = "gcp:cloudrunv2/service:Service";
    public static final String RUN_SERVICE_IAM_MEMBER = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
    public static final String IAP_WEB_RUN_IAM_BINDING = "gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding";
    public static final String IAP_WEB_RUN_IAM_MEMBER = "gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember";
    public static final String IAP_SETTINGS = "gcp:iap/settings:Settings";
    public static final String PROJECT_SERVICE = "gcp:projects/service:Service";
    public static final String SERVICE_IDENTITY = "gcp:projects/serviceIdentity:ServiceIdentity";
    public static final String SERVICE_ACCOUNT = "gcp:serviceaccount/account:Account";
    public static final String PROJECT_IAM_MEMBER = "gcp:projects/iAMMember:IAMMember";
    public static final String SECRET_IAM_MEMBER = "gcp:secretmanager/secretIamMember:SecretIamMember";
    public static final String GET_PROJECT = "gcp:organizations/getProject:getProject";

    /** The types whose resources grant a role: an IAM binding or member of a service, a secret or the project. */
    public static final java.util.Set<String> IAM_GRANTS = java.util.Set.of(RUN_SERVICE_IAM_MEMBER, IAP_WEB_RUN_IAM_BINDING,
            IAP_WEB_RUN_IAM_MEMBER, SECRET_IAM_MEMBER, PROJECT_IAM_MEMBER);

    private GcpTypes() {}
}
