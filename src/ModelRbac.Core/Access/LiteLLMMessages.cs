using System.Collections.Generic;
using ModelRbac.Core.Text;

namespace ModelRbac.Core.Access;

/// <summary>LiteLLM's exact denial texts (reference §7).</summary>
public static class LiteLLMMessages
{
    /// <summary>The status LiteLLM returns for RBAC denials.</summary>
    public const int Forbidden = 403;

    /// <summary>enforce_rbac with a token that has no role.</summary>
    public const string UnmatchedToken =
        "Unmatched token passed in. enforce_rbac is set to True. Token must belong to a proxy admin, team, or user.";

    /// <summary><c>Role={R} not allowed to call model={M}. Allowed models={list}</c>.</summary>
    public static string ModelDenied(string role, string model, IReadOnlyList<string> allowed) =>
        ModelDenied(role, model, PythonRepr.List(allowed));

    /// <summary>The same, with the list's repr already made (it is the same for every model of a role).</summary>
    public static string ModelDenied(string role, string model, string allowedRepr) =>
        "Role=" + role + " not allowed to call model=" + model + ". Allowed models=" + allowedRepr;

    /// <summary><c>Role={R} not allowed to call route={P}. Allowed routes={list}</c>.</summary>
    public static string RouteDenied(string role, string route, IReadOnlyList<string> allowed) =>
        RouteDenied(role, route, PythonRepr.List(allowed));

    /// <summary>The same, with the list's repr already made (it is the same for every route of a role).</summary>
    public static string RouteDenied(string role, string route, string allowedRepr) =>
        "Role=" + role + " not allowed to call route=" + route + ". Allowed routes=" + allowedRepr;
}
