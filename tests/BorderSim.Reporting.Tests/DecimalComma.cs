using System.Globalization;

namespace BorderSim.Reporting.Tests;

/// <summary>Renders output under a decimal-comma culture, to show that files and tables do not depend on it.</summary>
internal static class DecimalComma
{
    /// <summary>Calls <paramref name="render"/> with ru-RU as the current and UI culture, then restores the caller's.</summary>
    public static T Render<T>(Func<T> render)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
            Assert.That(1.5.ToString(CultureInfo.CurrentCulture), Is.EqualTo("1,5"), "the culture under test must really use a decimal comma");
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
