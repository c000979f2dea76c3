#if NET
using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace ModelRbac.PowerShell.Loading;

/// <summary>
/// The "bridge" isolation pattern: ModelRbac.Core and its dependencies (YamlDotNet, IdentityModel) live in
/// <c>dependencies/</c> and load into a private context, so other modules' copies of those libraries never clash
/// with ours. Only the request for ModelRbac.Core is served from the default context's Resolving event.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    private static readonly string s_dependencyFolder =
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies");

    private static readonly DependencyLoadContext s_context = new(s_dependencyFolder);

    /// <inheritdoc/>
    public void OnImport()
    {
        AssemblyLoadContext.Default.Resolving -= ResolveCore;
        AssemblyLoadContext.Default.Resolving += ResolveCore;
    }

    /// <summary>The private context holding ModelRbac.Core and its dependencies (tests inspect it).</summary>
    public static AssemblyLoadContext DependencyContext => s_context;

    private static Assembly? ResolveCore(AssemblyLoadContext defaultContext, AssemblyName name) =>
        name.Name == "ModelRbac.Core" ? s_context.LoadFromAssemblyName(name) : null;
}

/// <summary>Serves any assembly present in the dependency folder; everything else comes from the runtime.</summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    public DependencyLoadContext(string folder)
        : base("ModelRbac", isCollectible: false)
    {
        _folder = folder;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
#endif
