using System;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using Xunit;

namespace ModelRbac.Core.Tests;

internal static class Assertions
{
    /// <summary>Loading fails with <paramref name="errorId"/>; returns the exception for location checks.</summary>
    public static ConfigException LoadFails(string yaml, string errorId, System.Collections.IDictionary? environment = null)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadText(yaml, "test.yaml", environment));
        Assert.Equal(errorId, ex.ErrorId);
        return ex;
    }

    public static T Fails<T>(Func<object?> action, string errorId)
        where T : RbacException
    {
        var ex = Assert.Throws<T>(() => action());
        Assert.Equal(errorId, ex.ErrorId);
        return ex;
    }
}
