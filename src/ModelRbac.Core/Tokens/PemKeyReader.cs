using System;
using System.Formats.Asn1;
using Microsoft.IdentityModel.Tokens;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// Reads a PEM public key (SPKI <c>PUBLIC KEY</c>, PKCS#1 <c>RSA PUBLIC KEY</c>) or an X.509 <c>CERTIFICATE</c> into a
/// one-key <see cref="KeySet"/>. Parsed with System.Formats.Asn1 so the netstandard2.0 build (no ImportFromPem)
/// reads the same inputs as net8.0. Private keys are refused: a verifier never needs one.
/// </summary>
public static class PemKeyReader
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    /// <summary>Parses PEM text; JwksUnavailable when it holds no usable public key.</summary>
    public static KeySet Parse(string pem, string source)
    {
        var (label, der) = Unarmor(pem, source);
        try
        {
            var key = label switch
            {
                "PUBLIC KEY" => FromSpki(der, source),
                "RSA PUBLIC KEY" => FromPkcs1(der),
                "CERTIFICATE" => FromCertificate(der, source),
                _ => throw JwksReader.Unavailable(source, $"a PEM '{label}' block is not a public key or certificate"),
            };
            return new KeySet(new[] { new VerificationKey(null, JwksReader.Usable(key) ?? throw JwksReader.Unavailable(source, "the key cannot be used"), key.Kty) }, source, isPem: true);
        }
        catch (AsnContentException ex)
        {
            throw JwksReader.Unavailable(source, "its DER content is invalid (" + ex.Message + ")");
        }
    }

    private static (string Label, byte[] Der) Unarmor(string pem, string source)
    {
        const string begin = "-----BEGIN ";
        var start = pem.IndexOf(begin, StringComparison.Ordinal);
        var labelEnd = start < 0 ? -1 : pem.IndexOf("-----", start + begin.Length, StringComparison.Ordinal);
        if (labelEnd < 0)
        {
            throw JwksReader.Unavailable(source, "it holds no PEM block");
        }

        var label = pem.Substring(start + begin.Length, labelEnd - start - begin.Length);
        var end = pem.IndexOf("-----END " + label + "-----", labelEnd, StringComparison.Ordinal);
        if (end < 0)
        {
            throw JwksReader.Unavailable(source, $"the PEM '{label}' block has no END line");
        }

        var body = pem.Substring(labelEnd + 5, end - labelEnd - 5);
        try
        {
            return (label, Convert.FromBase64String(body.Replace("\r", string.Empty).Replace("\n", string.Empty).Trim()));
        }
        catch (FormatException)
        {
            throw JwksReader.Unavailable(source, $"the PEM '{label}' block is not base64");
        }
    }

    private static JsonWebKey FromCertificate(byte[] der, string source)
    {
        // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version?, serial, signature, issuer, validity, subject, spki, ... }, ... }
        var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = certificate.ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
        {
            tbs.ReadEncodedValue();
        }

        tbs.ReadEncodedValue(); // serialNumber
        tbs.ReadEncodedValue(); // signature
        tbs.ReadEncodedValue(); // issuer
        tbs.ReadEncodedValue(); // validity
        tbs.ReadEncodedValue(); // subject
        return FromSpki(tbs.ReadEncodedValue().ToArray(), source);
    }

    private static JsonWebKey FromSpki(byte[] der, string source)
    {
        var spki = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var algorithm = spki.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        var curveOid = algorithm.HasData && algorithm.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier) ? algorithm.ReadObjectIdentifier() : null;
        var bits = spki.ReadBitString(out _);
        switch (oid)
        {
            case RsaOid:
                return FromPkcs1(bits);
            case EcOid:
                var (crv, size) = curveOid switch
                {
                    "1.2.840.10045.3.1.7" => ("P-256", 32),
                    "1.3.132.0.34" => ("P-384", 48),
                    "1.3.132.0.35" => ("P-521", 66),
                    _ => throw JwksReader.Unavailable(source, $"the EC curve {curveOid ?? "(none)"} is not P-256, P-384 or P-521"),
                };
                if (bits.Length != 1 + (2 * size) || bits[0] != 0x04)
                {
                    throw JwksReader.Unavailable(source, "the EC point is not an uncompressed point of its curve");
                }

                return new JsonWebKey
                {
                    Kty = "EC",
                    Crv = crv,
                    X = Base64UrlEncoder.Encode(Slice(bits, 1, size)),
                    Y = Base64UrlEncoder.Encode(Slice(bits, 1 + size, size)),
                };
            default:
                throw JwksReader.Unavailable(source, $"the key algorithm {oid} is neither RSA nor EC");
        }
    }

    private static JsonWebKey FromPkcs1(byte[] der)
    {
        var rsa = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var modulus = Unsigned(rsa.ReadIntegerBytes().ToArray());
        var exponent = Unsigned(rsa.ReadIntegerBytes().ToArray());
        return new JsonWebKey { Kty = "RSA", N = Base64UrlEncoder.Encode(modulus), E = Base64UrlEncoder.Encode(exponent) };
    }

    // DER integers carry a leading zero byte when the high bit is set; JWK big-endian values do not.
    private static byte[] Unsigned(byte[] value)
    {
        var skip = 0;
        while (skip < value.Length - 1 && value[skip] == 0)
        {
            skip++;
        }

        return Slice(value, skip, value.Length - skip);
    }

    private static byte[] Slice(byte[] source, int offset, int count)
    {
        var result = new byte[count];
        Array.Copy(source, offset, result, 0, count);
        return result;
    }
}
