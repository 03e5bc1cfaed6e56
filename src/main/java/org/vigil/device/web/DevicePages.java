package org.vigil.device.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.device.BasicUdiDiView;
import org.vigil.device.DeviceRegister;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiView;
import org.vigil.device.UnitsPlaced;
import org.vigil.device.domain.MarketCountries;
import org.vigil.device.web.DeviceForms.BasicForm;
import org.vigil.device.web.DeviceForms.UdiForm;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.web.FormFeedback;
import org.vigil.terminology.Emdn;
import org.vigil.terminology.EmdnTerm;
import org.vigil.udi.IssuingEntity;

/**
 * The device register's pages: the list with type-ahead search, the scan lookup hospitals use at the bedside, a
 * Basic UDI-DI with its UDI-DIs, a UDI-DI with markets and units placed, and the manufacturer's forms.
 */
@Controller
class DevicePages {


    private final DeviceRegister register;
    private final Emdn emdn;

    DevicePages(DeviceRegister register, Emdn emdn) {
        this.register = register;
        this.emdn = emdn;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("legislations", Legislation.values());
        model.addAttribute("riskClasses", RiskClass.values());
        model.addAttribute("substances", MedicinalSubstance.values());
        model.addAttribute("issuers", IssuingEntity.values());
        model.addAttribute("countries", MarketCountries.all());
        model.addAttribute("canWrite", canWrite());
    }

    private static boolean canWrite() {
        return Tenancy.principal().map(p -> (p.organisationKind() == OrganisationKind.MANUFACTURER
                || p.organisationKind() == OrganisationKind.AUTHORISED_REPRESENTATIVE)
                && p.hasAnyRole(Set.of(Role.COMPLAINT_HANDLER, Role.VIGILANCE_OFFICER, Role.PRRC))).orElse(false);
    }

    // ------------------------------------------------------------------------------------------ list and search

    @GetMapping("/devices")
    @PermitAll
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "false") boolean mine,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("mine", mine);
        model.addAttribute("matches", q.isBlank() ? List.of() : register.search(q, 50));
        model.addAttribute("devices", q.isBlank() ? register.list(mine, 200) : List.of());
        return "device/list";
    }

    /** The type-ahead results, fetched by htmx as the person types. */
    @GetMapping("/devices/search")
    @PermitAll
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("matches", register.search(q, 20));
        return "device/list :: matches";
    }

    @GetMapping("/devices/lookup")
    @PermitAll
    String lookup(@RequestParam(required = false) String scan, Model model) {
        model.addAttribute("scan", scan == null ? "" : scan);
        if (scan != null && !scan.isBlank()) {
            var result = register.lookup(scan);
            model.addAttribute("result", result);
            model.addAttribute("marked", ScanDisplay.of(result));
        }
        return "device/lookup";
    }

    /** Type-ahead under the lookup field: the same search, unless the text is a scan in progress. */
    @GetMapping("/devices/lookup/suggestions")
    @PermitAll
    String suggestions(@RequestParam(defaultValue = "") String scan, Model model) {
        var result = register.lookup(scan);
        model.addAttribute("q", scan);
        model.addAttribute("matches", result.scanned() ? List.of() : result.matches());
        return "device/list :: matches";
    }

    // --------------------------------------------------------------------------------------------- Basic UDI-DI

    @GetMapping("/devices/new")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String newBasic(Model model) {
        model.addAttribute("form", new BasicForm());
        model.addAttribute("feedback", FormFeedback.none());
        return "device/basic-form";
    }

    @PostMapping("/devices")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String registerBasic(@ModelAttribute("form") BasicForm form, Model model, RedirectAttributes redirect) {
        try {
            var created = register.registerBasicUdiDi(form.data());
            redirect.addFlashAttribute("notice", "device.registered");
            return "redirect:/devices/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("feedback", FormFeedback.of(collapsed(e)));
            return "device/basic-form";
        }
    }

    @GetMapping("/devices/{basicUdiDiId}")
    @PermitAll
    String basic(@PathVariable UUID basicUdiDiId, Model model) {
        BasicUdiDiView basic = register.basicUdiDi(basicUdiDiId);
        model.addAttribute("basic", basic);
        model.addAttribute("udiDis", register.udiDisOf(basicUdiDiId));
        model.addAttribute("mine", isMine(basic.owner()));
        return "device/basic";
    }

    @GetMapping("/devices/{basicUdiDiId}/edit")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String editBasic(@PathVariable UUID basicUdiDiId, Model model) {
        BasicUdiDiView basic = ownBasic(basicUdiDiId);
        model.addAttribute("basic", basic);
        model.addAttribute("form", BasicForm.of(basic.data()));
        model.addAttribute("feedback", FormFeedback.none());
        return "device/basic-form";
    }

    @PostMapping("/devices/{basicUdiDiId}")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String updateBasic(@PathVariable UUID basicUdiDiId, @ModelAttribute("form") BasicForm form, Model model,
            RedirectAttributes redirect) {
        try {
            register.updateBasicUdiDi(basicUdiDiId, form.data());
            redirect.addFlashAttribute("notice", "device.updated");
            return "redirect:/devices/" + basicUdiDiId;
        } catch (InvalidInputException e) {
            model.addAttribute("basic", register.basicUdiDi(basicUdiDiId));
            model.addAttribute("feedback", FormFeedback.of(collapsed(e)));
            return "device/basic-form";
        }
    }

    // --------------------------------------------------------------------------------------------------- UDI-DI

    @GetMapping("/devices/{basicUdiDiId}/udi-dis/new")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String newUdi(@PathVariable UUID basicUdiDiId, Model model) {
        model.addAttribute("basic", ownBasic(basicUdiDiId));
        model.addAttribute("form", new UdiForm());
        model.addAttribute("feedback", FormFeedback.none());
        return "device/udi-form";
    }

    @PostMapping("/devices/{basicUdiDiId}/udi-dis")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String addUdi(@PathVariable UUID basicUdiDiId, @ModelAttribute("form") UdiForm form, Model model,
            RedirectAttributes redirect) {
        BasicUdiDiView basic = ownBasic(basicUdiDiId);
        try {
            var created = register.addUdiDi(form.data(basic.data().basicUdiDi(), List.of()));
            redirect.addFlashAttribute("notice", "device.udi-added");
            return "redirect:/devices/udi-dis/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("basic", basic);
            model.addAttribute("feedback", FormFeedback.of(collapsed(e)));
            return "device/udi-form";
        }
    }

    @GetMapping("/devices/udi-dis/{udiDiId}")
    @PermitAll
    String udi(@PathVariable UUID udiDiId, Model model) {
        UdiDiView udi = register.udiDi(udiDiId);
        boolean mine = isMine(udi.owner());
        model.addAttribute("udi", udi);
        model.addAttribute("basic", register.basicUdiDi(udi.basicUdiDiId()));
        model.addAttribute("mine", mine);
        model.addAttribute("emdnTerm", udi.data().emdnCode() == null ? null
                : emdn.find(udi.data().emdnCode()).map(EmdnTerm::term).orElse(null));
        model.addAttribute("countryNames", udi.data().markets().stream().map(MarketPlacement::country).distinct()
                .collect(java.util.stream.Collectors.toMap(code -> code, MarketCountries::name)));
        model.addAttribute("units", mine ? register.unitsPlaced(udiDiId) : List.<UnitsPlaced>of());
        if (!model.containsAttribute("feedback")) {
            model.addAttribute("feedback", FormFeedback.none());
        }
        if (!model.containsAttribute("marketsText")) {
            model.addAttribute("marketsText", DeviceForms.marketText(udi.data().markets()));
        }
        if (!model.containsAttribute("unitsForm")) {
            model.addAttribute("unitsForm", new UnitsForm("", YearMonth.now().minusMonths(1).toString(), ""));
        }
        return "device/udi";
    }

    @GetMapping("/devices/udi-dis/{udiDiId}/edit")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String editUdi(@PathVariable UUID udiDiId, Model model) {
        UdiDiView udi = ownUdi(udiDiId);
        model.addAttribute("udi", udi);
        model.addAttribute("basic", register.basicUdiDi(udi.basicUdiDiId()));
        model.addAttribute("form", UdiForm.of(udi.data()));
        model.addAttribute("feedback", FormFeedback.none());
        return "device/udi-form";
    }

    @PostMapping("/devices/udi-dis/{udiDiId}")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String updateUdi(@PathVariable UUID udiDiId, @ModelAttribute("form") UdiForm form, Model model,
            RedirectAttributes redirect) {
        UdiDiView udi = ownUdi(udiDiId);
        try {
            register.updateUdiDi(udiDiId, form.data(udi.data().basicUdiDi(), udi.data().markets()));
            redirect.addFlashAttribute("notice", "device.updated");
            return "redirect:/devices/udi-dis/" + udiDiId;
        } catch (InvalidInputException e) {
            model.addAttribute("udi", udi);
            model.addAttribute("basic", register.basicUdiDi(udi.basicUdiDiId()));
            model.addAttribute("feedback", FormFeedback.of(collapsed(e)));
            return "device/udi-form";
        }
    }

    @PostMapping("/devices/udi-dis/{udiDiId}/markets")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String markets(@PathVariable UUID udiDiId, @RequestParam(defaultValue = "") String markets, Model model,
            RedirectAttributes redirect) {
        ownUdi(udiDiId);
        try {
            register.setMarkets(udiDiId, DeviceForms.markets(markets));
            redirect.addFlashAttribute("notice", "device.updated");
            return "redirect:/devices/udi-dis/" + udiDiId;
        } catch (InvalidInputException e) {
            model.addAttribute("feedback", FormFeedback.of(collapsed(e)));
            model.addAttribute("marketsText", markets);
            return udi(udiDiId, model);
        }
    }

    /** The units-placed form as typed. */
    record UnitsForm(String country, String month, String units) {
    }

    @PostMapping("/devices/udi-dis/{udiDiId}/units-placed")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    String units(@PathVariable UUID udiDiId, @ModelAttribute("unitsForm") UnitsForm form, Model model,
            RedirectAttributes redirect) {
        UdiDiView udi = ownUdi(udiDiId);
        try {
            YearMonth month;
            long units;
            try {
                month = YearMonth.parse(form.month() == null ? "" : form.month().strip());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("month", "Give the month as YYYY-MM.");
            }
            try {
                units = Long.parseLong(form.units() == null ? "" : form.units().strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("units", "Give the units as a whole number.");
            }
            register.recordUnitsPlaced(new UnitsPlaced(udi.data().udiDi(), form.country(), month, units));
            redirect.addFlashAttribute("notice", "device.units-recorded");
            return "redirect:/devices/udi-dis/" + udiDiId;
        } catch (InvalidInputException e) {
            model.addAttribute("feedback", FormFeedback.of(collapsed(e)));
            return udi(udiDiId, model);
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private BasicUdiDiView ownBasic(UUID id) {
        BasicUdiDiView basic = register.basicUdiDi(id);
        if (!isMine(basic.owner())) {
            throw new org.vigil.shared.RecordNotFoundException("basic-udi-di", id);
        }
        return basic;
    }

    private UdiDiView ownUdi(UUID id) {
        UdiDiView udi = register.udiDi(id);
        if (!isMine(udi.owner())) {
            throw new org.vigil.shared.RecordNotFoundException("udi-di", id);
        }
        return udi;
    }

    private static boolean isMine(org.vigil.shared.OrganisationId owner) {
        return Tenancy.current().map(actor -> owner.equals(actor.organisationId())).orElse(false);
    }

    /** Field errors of list entries ({@code markets[2].country}) shown at the list's field ({@code markets}). */
    private static InvalidInputException collapsed(InvalidInputException e) {
        return new InvalidInputException(e.errors().stream().map(error -> {
            int bracket = error.field().indexOf('[');
            return bracket < 0 ? error : new FieldError(error.field().substring(0, bracket),
                    error.field().substring(bracket) + ": " + error.message());
        }).toList());
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry devicesNavigation() {
            return new NavigationEntry("nav.devices", "/devices", Set.of(), 20);
        }

        @Bean
        NavigationEntry deviceLookupNavigation() {
            return new NavigationEntry("nav.device-lookup", "/devices/lookup", Set.of(Role.REPORTER,
                    Role.DEVICE_SAFETY_OFFICER, Role.AUTHORITY_REVIEWER, Role.COMPLAINT_HANDLER,
                    Role.VIGILANCE_OFFICER, Role.PRRC), 21);
        }
    }

}
