package cnibench.module.kubernetes;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.AnyNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;

/**
 * Finds the REST resource (plural, scope) of an apiVersion and kind: built-in kinds from the model classes,
 * custom kinds from the server's discovery, which is asked again each time so a CRD created a moment ago is seen.
 */
final class ResourceTypes {
    private ResourceTypes() {
    }

    /** The resource, or null when the server does not serve that kind in that apiVersion. */
    static ResourceDefinitionContext find(KubernetesClient client, String apiVersion, String kind) {
        Class<? extends KubernetesResource> type = client.getKubernetesSerialization().getRegisteredKubernetesResource(apiVersion, kind);
        if (type != null && HasMetadata.class.isAssignableFrom(type) && !GenericKubernetesResource.class.equals(type)) {
            return ResourceDefinitionContext.fromResourceType(type);
        }
        APIResourceList resources;
        try {
            resources = client.getApiResources(apiVersion);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
        if (resources == null) {
            return null;
        }
        for (APIResource resource : resources.getResources()) {
            if (kind.equals(resource.getKind()) && !resource.getName().contains("/")) {
                return ResourceDefinitionContext.fromApiResource(apiVersion, resource);
            }
        }
        return null;
    }

    /** The kubernetes.core wording for a kind the server does not know. */
    static String notFoundMessage(String apiVersion, String kind) {
        return "Failed to find exact match for " + apiVersion + "." + kind + " by [kind, name, singularName, shortNames]";
    }

    /** Operations on one object of a resolved type, in its namespace when the type is namespaced. */
    static Resource<GenericKubernetesResource> object(KubernetesClient client, ResourceDefinitionContext type,
                                                      String namespace, String name) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all =
                client.genericKubernetesResources(type);
        return type.isNamespaceScoped() ? all.inNamespace(namespace).withName(name) : all.withName(name);
    }

    /** Operations that write the given object, in its namespace when the type is namespaced. */
    static Resource<GenericKubernetesResource> item(KubernetesClient client, ResourceDefinitionContext type,
                                                    GenericKubernetesResource item) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all =
                client.genericKubernetesResources(type);
        return type.isNamespaceScoped() ? all.inNamespace(item.getMetadata().getNamespace()).resource(item) : all.resource(item);
    }

    /** The objects of a type in one namespace, or in all namespaces when namespace is null. */
    static AnyNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> objects(
            KubernetesClient client, ResourceDefinitionContext type, String namespace) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all =
                client.genericKubernetesResources(type);
        if (!type.isNamespaceScoped()) {
            return all;
        }
        return namespace == null ? all.inAnyNamespace() : all.inNamespace(namespace);
    }
}
