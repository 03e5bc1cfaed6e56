package org.vigil.mir.form;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.vigil.deadline.Classification;
import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.Comments;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MarketDistribution;
import org.vigil.mir.MirProblem;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.Party;
import org.vigil.mir.PatientInformation;
import org.vigil.mir.ReportReference;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.Submitter;
import org.vigil.mir.SubmitterRole;

/**
 * The mapping between the model and the MIR 7.3.1 form's elements. Element names and nesting follow the unofficial
 * examples converted from the EC's EUDAMED samples and their field mapping table (the official EC XSDs are not
 * shipped); where neither names a field (IMDRF Annex B, C, D and G codes, root cause, risk assessment, actions, similar
 * incidents, §5), Vigil uses names in the same style, listed in each record's Javadoc. Sections and their elements
 * are written in the order the form shows them.
 */
final class MirFormMapping {

    static final String VERSION = "7.3.1";
    /** As the EC examples write it: seconds always, the offset as {@code +00:00} rather than {@code Z}. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private MirFormMapping() {
    }

    // ================================================================================================== writing

    static FormElement toTree(MirReport report) {
        FormElement root = new FormElement("incident");
        root.attributes.put("version", VERSION);
        if (report.created() != null) {
            root.attributes.put("sCreateTimeStamp", TIMESTAMP.format(report.created()));
        }
        if (report.formLanguage() != null) {
            root.attributes.put("sFormLanguage", report.formLanguage());
        }
        root.add(admin(report.administrative()));
        root.add(device(report.device()));
        root.add(incident(report.incident()));
        root.add(investigation(report.investigation()));
        root.group("comments", comments -> comments.add("generalComments", report.comments().comments())
                .repeated("distributionNCA", report.comments().distribution()));
        return root;
    }

    private static FormElement admin(AdministrativeInformation a) {
        FormElement admin = new FormElement("admin_info");
        admin.add("formVersion", VERSION)
                .add("ncaName", a.competentAuthority())
                .add("ncaReportNo", a.ncaReportNumber())
                .add("refNumEudamed", a.eudamedReportNumber())
                .add("reportDate", a.reportDate())
                .add("adverseEventDateFrom", a.incidentFrom())
                .add("adverseEventDateTo", a.incidentTo())
                .add("mfrAwarenessDate", a.awareness())
                .add("mfrAwarenessReportDate", a.reportabilityAwareness())
                .add("reportType", a.reportType() == null ? null : a.reportType().formText())
                .add("reportNextDate", a.nextReportDate())
                .add("eventClassification", a.classification() == null ? null : a.classification().label());
        Submitter submitter = a.submitter();
        if (submitter != null) {
            admin.group("contact_info", contact -> {
                contact.group("reporterMfr", mfr -> {
                    mfr.add("statusReporter", submitter.role() == null ? null : submitter.role().formText());
                    mfr.add("statusReporterOther", submitter.otherRole());
                    party(mfr, "mfrDetails", "mfr", submitter.manufacturer());
                });
                contact.group("reporterAR", ar -> party(ar, "arDetails", "AR", submitter.authorisedRepresentative()));
                contact.group("reporterOther", other -> party(other, "otherDetails", "other", submitter.other()));
            });
        }
        admin.add("mfrRef", a.manufacturerReference());
        admin.group("otherMirReferences", refs -> a.otherMirs().forEach(ref -> refs.group("otherMir",
                mir -> mir.add("ncaRefMultiDev", ref.nca()).add("eudamedRefMultiDev", ref.eudamed())
                        .add("mfrRefMultiDev", ref.manufacturer()))));
        admin.group("fscaReferences", refs -> a.fscaReferences().forEach(ref -> refs.group("fsca",
                fsca -> fsca.add("ncaRefFSCA", ref.nca()).add("eudamedRefFSCA", ref.eudamed())
                        .add("mfrRefFSCA", ref.manufacturer()))));
        admin.repeated("psrId", a.psrIds());
        admin.yesNo("pmcfpmpfQuestion", a.pmcfPmpfInvestigation());
        admin.repeated("pmcfpmpfId", a.pmcfPmpfIds());
        return admin;
    }

    private static void party(FormElement parent, String element, String prefix, Party party) {
        if (party == null) {
            return;
        }
        parent.group(element, details -> details.add(prefix + "Name", party.name())
                .add(prefix + "SRN", party.srn())
                .add(prefix + "ContactPersonFirstName", party.contactFirstName())
                .add(prefix + "ContactPersonSecondName", party.contactFamilyName())
                .add(prefix + "Street", party.street())
                .add(prefix + "StreetNum", party.streetNumber())
                .add(prefix + "City", party.city())
                .add(prefix + "Country", party.country())
                .add(prefix + "Postcode", party.postcode())
                .add(prefix + "Phone", party.phone())
                .add(prefix + "EmailAddress", party.email()));
    }

    private static FormElement device(DeviceInformation d) {
        FormElement device = new FormElement("device_info");
        device.add("udiDI", d.udiDi())
                .add("udiDI_Entity", d.udiDiIssuingEntity())
                .add("udiPI", d.udiPi())
                .add("udiDIBasic", d.basicUdiDi())
                .add("Basic_Entity", d.basicUdiDiIssuingEntity())
                .add("nomenclatureSystem", d.nomenclatureSystem())
                .add("nomenclatureCode", d.nomenclatureCode())
                .add("brandName", d.deviceName())
                .add("deviceIntendedPurpose", d.intendedPurpose())
                .add("deviceDescription", d.description())
                .add("deviceNomenclature", d.nomenclatureText())
                .add("modelNum", d.modelNumber())
                .add("catalogNum", d.catalogueNumber())
                .add("serialNum", d.serialNumber())
                .add("batchNum", d.lotNumber())
                .add("deviceSoftwareVer", d.softwareVersion())
                .add("deviceFirmwareVer", d.firmwareVersion())
                .add("deviceMfrDate", d.manufacturingDate())
                .add("deviceExpiryDate", d.expiryDate())
                .add("ImplantedDateFrom", d.implantedFrom())
                .add("ImplantedDateTo", d.implantedTo())
                .add("ExplantedDateFrom", d.explantedFrom())
                .add("ExplantedDateTo", d.explantedTo())
                .add("implantFacilityName", d.implantFacility())
                .add("explantFacilityName", d.explantFacility())
                .add("AppLegislation", d.legislation())
                .add("deviceClass", d.riskClass())
                .yesNo("legacyDevice", d.legacyDevice())
                .add("nbIdNum", d.notifiedBody())
                .add("nbCertNum", d.certificateNumber())
                .yesNo("medicinalSubstance", d.medicinalSubstance())
                .yesNo("tissuesCells", d.tissuesOrCells())
                .group("distribution", distribution -> distribution.yesNo("distributionAll", d.distribution().allEea())
                        .repeated("distributionEEA", d.distribution().eeaCountries())
                        .repeated("otherCountriesLI", d.distribution().otherCountries()))
                .add("deviceAccessories", d.accessories())
                .add("deviceAssociated", d.associatedDevices());
        return device;
    }

    private static FormElement incident(IncidentInformation i) {
        FormElement incident = new FormElement("incident_info");
        incident.group("clinical_event_info", event -> event.add("eventDescription", i.description())
                .numbered("imdrfCodeChoice", i.deviceProblemCodes())
                .add("currentDeviceLocation", i.deviceLocation())
                .add("deviceOperator", i.operator())
                .add("deviceUsage", i.usage())
                .add("numberOfPatients", i.numberOfPatients())
                .add("numberOfDevices", i.numberOfDevices()));
        PatientInformation p = i.patient();
        incident.group("patient_info", patient -> patient.numbered("imdrfClinicalCodeChoice", p.clinicalCodes())
                .numbered("imdrfHealthCodeChoice", p.healthImpactCodes())
                .add("patientAge", p.ageYears())
                .add("Gender", p.sex())
                .add("massKG", p.weightKg())
                .add("heightCM", p.heightCm())
                .add("patientPriorMedication", p.priorConditions()));
        InitialReporter r = i.initialReporter();
        incident.group("initial_reporter_info", reporter -> reporter.add("initialReporterRole", r.role())
                .add("initialReporterRoleOther", r.otherRole())
                .add("healthcareFacilityName", r.facilityName())
                .add("healthcareFacilityRepNum", r.facilityNumber())
                .add("healthcareFacilityCountry", r.facilityCountry()));
        return incident;
    }

    private static FormElement investigation(ManufacturerInvestigation m) {
        FormElement invest = new FormElement("mfr_invest");
        invest.add("manufacturersPrelimAnalysis", m.preliminaryAnalysis())
                .add("manufacturersInitialCorrecAction", m.initialActions())
                .add("furtherInvestigations", m.furtherInvestigations())
                .numbered("imdrfInvestigationTypeCodeChoice", m.investigationTypeCodes())
                .numbered("imdrfInvestigationFindingCodeChoice", m.investigationFindingCodes())
                .numbered("imdrfInvestigationConclusionCodeChoice", m.investigationConclusionCodes())
                .numbered("imdrfComponentCodeChoice", m.componentCodes())
                .add("rootCause", m.rootCause())
                .yesNo("riskAssessmentReviewed", m.riskAssessmentReviewed())
                .yesNo("riskAssessmentAdequate", m.riskAssessmentAdequate())
                .add("remedialActions", m.remedialActions())
                .add("correctiveActions", m.correctiveActions())
                .add("preventiveActions", m.preventiveActions())
                .yesNo("fscaUndertaken", m.fscaUndertaken())
                .group("similarIncidents", similar -> {
                    similar.add("similarIncidentsBasis", m.similarIncidents().codeBasis());
                    for (SimilarIncidentPeriod period : m.similarIncidents().periods()) {
                        similar.group("similarIncidentsPeriod", p -> p.add("periodFrom", period.from())
                                .add("periodTo", period.to())
                                .add("incidentsEEA", period.incidentsEea())
                                .add("unitsEEA", period.unitsEea())
                                .add("rateEEA", period.rateEea())
                                .add("incidentsWorldwide", period.incidentsWorldwide())
                                .add("unitsWorldwide", period.unitsWorldwide())
                                .add("rateWorldwide", period.rateWorldwide()));
                    }
                })
                .add("manufacturersFinalComments", m.finalComments());
        return invest;
    }

    // ================================================================================================== reading

    /** The report in {@code root}; values that cannot be read and elements Vigil does not know go to problems. */
    static MirReport fromTree(FormElement root, List<MirProblem> problems) {
        OffsetDateTime created = null;
        String timestamp = root.attributes.get("sCreateTimeStamp");
        if (timestamp != null && !timestamp.isBlank()) {
            try {
                created = OffsetDateTime.parse(timestamp.strip());
            } catch (DateTimeParseException e) {
                problems.add(new MirProblem(root.path + "/@sCreateTimeStamp", "", root.line, root.column, "'"
                        + timestamp + "' is not a date and time with offset; it was not imported.", ""));
            }
        }
        String language = root.attributes.get("sFormLanguage");
        FormElement admin = section(root, "admin_info");
        FormElement device = section(root, "device_info");
        FormElement incident = section(root, "incident_info");
        FormElement invest = section(root, "mfr_invest");
        FormElement comments = section(root, "comments");
        var report = new MirReport(language == null || language.isBlank() ? null : language.strip(), created,
                admin(admin, problems), device(device, problems), incident(incident, problems),
                investigation(invest, problems),
                new Comments(comments.text("generalComments"), comments.texts("distributionNCA")));
        root.reportUnread(problems);
        return report;
    }

    /** The section, or an empty one so that a missing section reads as a section without values. */
    private static FormElement section(FormElement parent, String name) {
        FormElement section = parent.child(name);
        return section == null ? new FormElement(name, parent.path + "/" + name, 0, 0) : section;
    }

    private static AdministrativeInformation admin(FormElement a, List<MirProblem> problems) {
        a.child("formVersion");
        MirReportType type = null;
        FormElement reportType = a.child("reportType");
        if (reportType != null && reportType.value() != null) {
            type = MirReportType.fromFormText(reportType.value()).orElse(null);
            if (type == null) {
                reportType.problem(problems, "'" + reportType.value() + "' is not a MIR report type; expected one of "
                        + String.join(", ", Arrays.stream(MirReportType.values()).map(MirReportType::formText)
                                .toList()) + ".");
            }
        }
        Classification classification = null;
        FormElement event = a.child("eventClassification");
        if (event != null && event.value() != null) {
            classification = classification(event.value());
            if (classification == null) {
                event.problem(problems, "'" + event.value() + "' is not a classification of MIR §1.2.g; expected one "
                        + "of " + String.join(", ", Arrays.stream(Classification.values())
                                .map(Classification::label).toList()) + ".");
            }
        }
        List<ReportReference> otherMirs = new ArrayList<>();
        FormElement mirs = a.child("otherMirReferences");
        if (mirs != null) {
            for (FormElement mir : mirs.all("otherMir")) {
                otherMirs.add(new ReportReference(mir.text("ncaRefMultiDev"), mir.text("eudamedRefMultiDev"),
                        mir.text("mfrRefMultiDev")));
            }
        }
        List<ReportReference> fscas = new ArrayList<>();
        FormElement fscaRefs = a.child("fscaReferences");
        if (fscaRefs != null) {
            for (FormElement fsca : fscaRefs.all("fsca")) {
                fscas.add(new ReportReference(fsca.text("ncaRefFSCA"), fsca.text("eudamedRefFSCA"),
                        fsca.text("mfrRefFSCA")));
            }
        }
        return new AdministrativeInformation(a.text("ncaName"), a.text("ncaReportNo"), a.text("refNumEudamed"),
                a.text("mfrRef"), a.date("reportDate", problems), a.date("adverseEventDateFrom", problems),
                a.date("adverseEventDateTo", problems), a.date("mfrAwarenessDate", problems),
                a.date("mfrAwarenessReportDate", problems), type, a.date("reportNextDate", problems), classification,
                submitter(a.child("contact_info"), problems), otherMirs, fscas, a.texts("psrId"),
                a.yesNo("pmcfpmpfQuestion", problems), a.texts("pmcfpmpfId"));
    }

    /** The classification a form names, by its MIR label or the EUDAMED enumeration name ({@code DEATH}). */
    private static Classification classification(String text) {
        for (Classification value : Classification.values()) {
            if (value.label().equalsIgnoreCase(text) || value.name().equalsIgnoreCase(text.replace(' ', '_'))) {
                return value;
            }
        }
        return null;
    }

    private static Submitter submitter(FormElement contact, List<MirProblem> problems) {
        if (contact == null) {
            return null;
        }
        FormElement mfr = contact.child("reporterMfr");
        SubmitterRole role = null;
        String otherRole = null;
        Party manufacturer = null;
        if (mfr != null) {
            FormElement status = mfr.child("statusReporter");
            if (status != null && status.value() != null) {
                role = SubmitterRole.fromFormText(status.value()).orElse(null);
                if (role == null) {
                    status.problem(problems, "'" + status.value() + "' is not a submitter status; expected "
                            + "Manufacturer, Authorised representative or Other.");
                }
            }
            otherRole = mfr.text("statusReporterOther");
            manufacturer = party(mfr.child("mfrDetails"), "mfr");
        }
        FormElement ar = contact.child("reporterAR");
        FormElement other = contact.child("reporterOther");
        return new Submitter(role, manufacturer, ar == null ? null : party(ar.child("arDetails"), "AR"),
                other == null ? null : party(other.child("otherDetails"), "other"), otherRole);
    }

    private static Party party(FormElement details, String prefix) {
        if (details == null) {
            return null;
        }
        return new Party(details.text(prefix + "Name"), details.text(prefix + "SRN"),
                details.text(prefix + "ContactPersonFirstName"), details.text(prefix + "ContactPersonSecondName"),
                details.text(prefix + "Street"), details.text(prefix + "StreetNum"), details.text(prefix + "City"),
                postcode(details, prefix), details.text(prefix + "Country"), details.text(prefix + "Phone"),
                details.text(prefix + "EmailAddress"));
    }

    /** The mapping table spells the authorised representative's {@code ARPostCode}; both spellings are read. */
    private static String postcode(FormElement details, String prefix) {
        String postcode = details.text(prefix + "Postcode");
        String alternative = details.text(prefix + "PostCode");
        return postcode != null ? postcode : alternative;
    }

    private static DeviceInformation device(FormElement d, List<MirProblem> problems) {
        FormElement distribution = d.child("distribution");
        MarketDistribution market = distribution == null ? MarketDistribution.none()
                : new MarketDistribution(distribution.yesNo("distributionAll", problems),
                        distribution.texts("distributionEEA").stream().map(MirFormMapping::upper).toList(),
                        distribution.texts("otherCountriesLI").stream().map(MirFormMapping::upper).toList());
        return new DeviceInformation(d.text("udiDI"), d.text("udiDI_Entity"), d.text("udiPI"), d.text("udiDIBasic"),
                d.text("Basic_Entity"), d.text("nomenclatureSystem"), d.text("nomenclatureCode"),
                d.text("deviceNomenclature"), d.text("brandName"), d.text("deviceIntendedPurpose"),
                d.text("deviceDescription"), d.text("modelNum"), d.text("catalogNum"), d.text("serialNum"),
                d.text("batchNum"), d.text("deviceSoftwareVer"), d.text("deviceFirmwareVer"),
                d.date("deviceMfrDate", problems), d.date("deviceExpiryDate", problems),
                d.date("ImplantedDateFrom", problems), d.date("ImplantedDateTo", problems),
                d.date("ExplantedDateFrom", problems), d.date("ExplantedDateTo", problems),
                d.text("implantFacilityName"), d.text("explantFacilityName"), d.text("AppLegislation"),
                d.text("deviceClass"), d.yesNo("legacyDevice", problems), d.text("nbIdNum"), d.text("nbCertNum"),
                d.yesNo("medicinalSubstance", problems), d.yesNo("tissuesCells", problems), market,
                d.text("deviceAccessories"), d.text("deviceAssociated"));
    }

    private static String upper(String country) {
        return country.toUpperCase(Locale.ROOT);
    }

    private static IncidentInformation incident(FormElement i, List<MirProblem> problems) {
        FormElement event = section(i, "clinical_event_info");
        FormElement patient = section(i, "patient_info");
        FormElement reporter = section(i, "initial_reporter_info");
        return new IncidentInformation(event.text("eventDescription"), event.numbered("imdrfCodeChoice"),
                event.text("currentDeviceLocation"), event.text("deviceOperator"), event.text("deviceUsage"),
                event.integer("numberOfPatients", problems), event.integer("numberOfDevices", problems),
                new PatientInformation(patient.numbered("imdrfClinicalCodeChoice"),
                        patient.numbered("imdrfHealthCodeChoice"), patient.integer("patientAge", problems),
                        patient.text("Gender"), patient.decimal("massKG", problems),
                        patient.decimal("heightCM", problems), patient.text("patientPriorMedication")),
                new InitialReporter(reporter.text("initialReporterRole"), reporter.text("initialReporterRoleOther"),
                        reporter.text("healthcareFacilityName"), reporter.text("healthcareFacilityRepNum"),
                        reporter.text("healthcareFacilityCountry")));
    }

    private static ManufacturerInvestigation investigation(FormElement m, List<MirProblem> problems) {
        FormElement similar = m.child("similarIncidents");
        SimilarIncidents similarIncidents = SimilarIncidents.none();
        if (similar != null) {
            List<SimilarIncidentPeriod> periods = new ArrayList<>();
            for (FormElement period : similar.all("similarIncidentsPeriod")) {
                // the rates follow from the counts; reading them back would only invite contradictions
                period.child("rateEEA");
                period.child("rateWorldwide");
                periods.add(new SimilarIncidentPeriod(period.date("periodFrom", problems),
                        period.date("periodTo", problems), period.whole("incidentsEEA", problems),
                        period.whole("unitsEEA", problems), period.whole("incidentsWorldwide", problems),
                        period.whole("unitsWorldwide", problems)));
            }
            similarIncidents = new SimilarIncidents(similar.text("similarIncidentsBasis"), periods);
        }
        return new ManufacturerInvestigation(m.text("manufacturersPrelimAnalysis"),
                m.text("manufacturersInitialCorrecAction"), m.text("furtherInvestigations"),
                m.numbered("imdrfInvestigationTypeCodeChoice"), m.numbered("imdrfInvestigationFindingCodeChoice"),
                m.numbered("imdrfInvestigationConclusionCodeChoice"), m.numbered("imdrfComponentCodeChoice"),
                m.text("rootCause"), m.yesNo("riskAssessmentReviewed", problems),
                m.yesNo("riskAssessmentAdequate", problems), m.text("remedialActions"), m.text("correctiveActions"),
                m.text("preventiveActions"), m.yesNo("fscaUndertaken", problems),
                m.text("manufacturersFinalComments"), similarIncidents);
    }
}
