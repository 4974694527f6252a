package dev.iapcloudrun.components;

/** IAM roles the components grant, each the narrowest that does the job. */
public final class Roles {

    /** Reach a service through IAP. */
    public static final String IAP_ACCESSOR = "roles/iap.httpsResourceAccessor";
    /** Call a Cloud Run service directly (IAP's agent, service-to-service callers). */
    public static final String RUN_INVOKER = "roles/run.invoker";
    /** Read the versions of one secret. */
    public static final String SECRET_ACCESSOR = "roles/secretmanager.secretAccessor";
    /** Connect to Cloud SQL instances; granted on a project, since the role has no per-instance grant. */
    public static final String CLOUD_SQL_CLIENT = "roles/cloudsql.client";

    private Roles() {}
}
