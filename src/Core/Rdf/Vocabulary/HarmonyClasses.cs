namespace Harmony.Core.Rdf.Vocabulary;

/// <summary>Classes of the Harmony vocabulary (objects of <c>rdf:type</c>); see <see cref="HarmonyVocabulary"/>.</summary>
public static class HarmonyClasses
{
    private static readonly List<VocabularyTerm> Defined = [];

    /// <summary><c>harmony:Community</c>: a community (server): owner, roles, channels, members.</summary>
    public static Iri Community { get; } = Define("Community", "", "A community (server): owner, roles, channels, members.");

    /// <summary><c>harmony:Category</c>: a named group of channels inside a community.</summary>
    public static Iri Category { get; } = Define("Category", "", "A named group of channels inside a community.");

    /// <summary><c>harmony:Channel</c>: a text channel; its messages are an MLS group's encrypted log.</summary>
    public static Iri Channel { get; } = Define("Channel", "", "A text channel; its messages are an MLS group's encrypted log.");

    /// <summary><c>harmony:Thread</c>: a thread branching from a message of a channel.</summary>
    public static Iri Thread { get; } = Define("Thread", "", "A thread branching from a message of a channel.");

    /// <summary><c>harmony:Member</c>: a DID's membership in a community (roles, join time).</summary>
    public static Iri Member { get; } = Define("Member", "", "A DID's membership in a community (roles, join time).");

    /// <summary><c>harmony:Role</c>: a named capability template members can hold.</summary>
    public static Iri Role { get; } = Define("Role", "", "A named capability template members can hold.");

    /// <summary><c>harmony:Capability</c>: a ZCAP-LD authorization capability (root or delegated).</summary>
    public static Iri Capability { get; } = Define("Capability", "", "A ZCAP-LD authorization capability (root or delegated).");

    /// <summary><c>harmony:Credential</c>: a verifiable credential (device authorization, admission proof).</summary>
    public static Iri Credential { get; } = Define("Credential", "", "A verifiable credential (device authorization, admission proof).");

    /// <summary><c>harmony:Envelope</c>: a signed, encrypted log entry: message, edit, delete or reaction.</summary>
    public static Iri Envelope { get; } = Define("Envelope", "", "A signed, encrypted log entry: message, edit, delete or reaction.");

    /// <summary><c>harmony:Device</c>: a device key authorized by a member's root identity.</summary>
    public static Iri Device { get; } = Define("Device", "", "A device key authorized by a member's root identity.");

    /// <summary><c>harmony:Instance</c>: a Harmony server instance, identified by its own did:key.</summary>
    public static Iri Instance { get; } = Define("Instance", "", "A Harmony server instance, identified by its own did:key.");

    /// <summary><c>harmony:Export</c>: a signed export of a community's data.</summary>
    public static Iri Export { get; } = Define("Export", "", "A signed export of a community's data.");

    /// <summary><c>harmony:EnvelopeKind</c>: the class of the envelope kinds below.</summary>
    public static Iri EnvelopeKind { get; } = Define("EnvelopeKind", "", "The class of the envelope kinds below.");

    /// <summary>Every term of this group, in definition order.</summary>
    internal static IReadOnlyList<VocabularyTerm> Terms => Defined;

    private static Iri Define(string localName, string range, string description)
    {
        var iri = new Iri(HarmonyVocabulary.Namespace + localName);
        Defined.Add(new VocabularyTerm(iri, localName, VocabularyTermKind.Class, range, description));
        return iri;
    }
}
