namespace ModelRbac.Core.Routing;

/// <summary>How a <c>routes</c> entry grants (SEMANTICS §5).</summary>
public enum RouteEntryKind
{
    /// <summary>A <c>LiteLLMRoutes</c> group name: any of the group's templates.</summary>
    Group,

    /// <summary>Ends in <c>/*</c>: every path below the text before the <c>*</c>.</summary>
    Prefix,

    /// <summary>Exactly this path.</summary>
    Literal,

    /// <summary>Corrected only: a literal with <c>{name}</c> placeholders, matched as a template.</summary>
    Template,

    /// <summary>Corrected only: <c>*</c> alone, every route.</summary>
    AllRoutes,
}
