"""Desktop integration: the .desktop file, AppStream metainfo, icons and the bundle's installer agree with the app."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import recommender
from ui.app import DESKTOP_FILE_NAME, application_icon

PROJECT_ROOT = Path(__file__).resolve().parents[1]
LINUX = PROJECT_ROOT / "packaging" / "linux"
ICONS = PROJECT_ROOT / "resources" / "icons"
APP_ID = "org.grapevine.Grapevine"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
README_SCREENSHOT = PROJECT_ROOT / "packaging" / "screenshots" / "main-window.png"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def load_script(name: str) -> ModuleType:
    """A script from packaging/ (not a package) loaded as a module, to call its functions."""
    folder = str(PROJECT_ROOT / "packaging")
    if folder not in sys.path:
        sys.path.append(folder)  # the scripts import each other, as they do when run from that folder
    spec = importlib.util.spec_from_file_location(name, PROJECT_ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry(path: Path = DESKTOP_FILE) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive in .desktop files
    parser.read(path, encoding="utf-8")
    return parser


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_app_announces_the_id_the_desktop_files_are_named_after() -> None:
    # Wayland compositors and GNOME match windows to their menu entry by this name.
    assert DESKTOP_FILE_NAME == APP_ID
    assert DESKTOP_FILE.is_file()
    assert METAINFO.is_file()


def test_the_window_icon_is_the_application_icon(qapp: QApplication) -> None:
    icon = application_icon()
    assert not icon.isNull()
    shown = icon.pixmap(64, 64).toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    committed = QImage(str(ICONS / "hicolor" / "64x64" / "apps" / f"{APP_ID}.png"))
    assert load_script("render_icons").mean_difference(shown, committed) < 2.0


def test_the_menu_entry_runs_grapevine_with_its_icon() -> None:
    entry = desktop_entry()["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Grapevine"
    scripts = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert entry["Exec"].split()[0] in scripts
    assert entry["Icon"] == APP_ID
    assert (ICONS / f"{entry['Icon']}.svg").is_file()
    # Qt names the X11 window class after the application name set in ui/app.py.
    assert entry["StartupWMClass"] == "Grapevine"
    demo = desktop_entry()["Desktop Action demo"]
    assert demo["Exec"].split()[1:] == ["--demo"]


def test_the_metainfo_describes_this_app_and_its_current_release() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert component.findtext("provides/binary") == desktop_entry()["Desktop Entry"]["Exec"].split()[0]
    assert component.findtext("project_license") == "GPL-3.0-or-later"
    releases = component.findall("releases/release")
    assert releases, "software centres need at least one release"
    # AppStream lists releases newest first; the newest must be the version being shipped.
    assert releases[0].get("version") == recommender.__version__
    dates = [release.get("date") or "" for release in releases]
    assert dates == sorted(dates, reverse=True)
    assert len(component.findall("description/p")) >= 1


def shipped_languages() -> list[str]:
    """The languages the app is translated into (compiled catalogues in resources/translations)."""
    return sorted(
        path.stem.removeprefix("grapevine_") for path in (PROJECT_ROOT / "resources" / "translations").glob("*.qm")
    )


def test_menus_and_software_centres_speak_every_language_the_app_does() -> None:
    entry = desktop_entry()
    summaries = {
        element.get("{http://www.w3.org/XML/1998/namespace}lang"): element.text
        for element in ET.parse(METAINFO).getroot().findall("summary")
    }
    assert shipped_languages(), "no translations found to check"
    for language in shipped_languages():
        for key in ("GenericName", "Comment", "Keywords"):
            assert entry["Desktop Entry"].get(f"{key}[{language}]"), f"{key}[{language}] missing"
        assert entry["Desktop Action demo"].get(f"Name[{language}]"), f"demo action Name[{language}] missing"
        assert summaries.get(language), f"metainfo summary in {language} missing"


def test_the_metainfo_screenshot_is_the_readme_screenshot_at_its_real_size() -> None:
    component = ET.parse(METAINFO).getroot()
    image = component.find("screenshots/screenshot[@type='default']/image")
    assert image is not None
    url = image.text or ""
    assert url.startswith("https://")
    assert url.endswith("/" + README_SCREENSHOT.relative_to(PROJECT_ROOT / "packaging").as_posix())
    assert (int(image.get("width", "0")), int(image.get("height", "0"))) == png_size(README_SCREENSHOT)
    homepage = component.findtext("url[@type='homepage']") or ""
    assert homepage.startswith("https://")
    assert url.startswith(homepage)


def test_the_content_rating_says_what_is_shared_with_a_group() -> None:
    rating = ET.parse(METAINFO).getroot().find("content_rating")
    assert rating is not None
    assert rating.get("type") == "oars-1.1"
    values = {attribute.get("id"): attribute.text for attribute in rating.findall("content_attribute")}
    # Reviews (free text), contacts and trust links reach the other members of a group: none of this is "none".
    assert values["social-chat"] != "none"
    assert values["social-contacts"] != "none"
    assert values["social-info"] != "none"
    # Home is kept on the device.
    assert values["social-location"] == "none"


def run_validator(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed here (.ci/run installs it and validates after the tests)")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_validate_accepts_the_desktop_file() -> None:
    run_validator(["desktop-file-validate", str(DESKTOP_FILE)])


def test_appstreamcli_accepts_the_metainfo() -> None:
    run_validator(["appstreamcli", "validate", "--no-net", str(METAINFO)])


def test_every_icon_size_is_a_png_of_that_size() -> None:
    render_icons = load_script("render_icons")
    assert tuple(render_icons.SIZES) == ICON_SIZES
    for size in ICON_SIZES:
        assert png_size(render_icons.png_path(ICONS, size)) == (size, size)


def check_icons(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "packaging" / "render_icons.py"), "--check", "--icons", str(folder)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def test_the_committed_pngs_are_renderings_of_the_svg() -> None:
    checked = check_icons(ICONS)
    assert checked.returncode == 0, checked.stderr


def test_a_png_left_behind_after_the_svg_changed_is_caught(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    shutil.copytree(ICONS, icons)
    # Recolour the bubble, as a designer might, without re-rendering the PNGs.
    svg = icons / f"{APP_ID}.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace("#4e9f3d", "#d03030"), encoding="utf-8")
    (icons / "hicolor" / "24x24" / "apps" / f"{APP_ID}.png").unlink()
    checked = check_icons(icons)
    assert checked.returncode == 1
    assert "24x24" in checked.stderr and "missing" in checked.stderr
    assert "512x512" in checked.stderr and "differs from the SVG" in checked.stderr


def test_the_bundle_installer_adds_and_removes_the_menu_entry(tmp_path: Path) -> None:
    bundle = tmp_path / "grapevine"
    bundle.mkdir()
    executable = bundle / "grapevine"
    executable.write_text('#!/bin/sh\necho "Grapevine test bundle"\n', encoding="utf-8")
    executable.chmod(0o755)
    load_script("build_bundle").add_desktop_files(bundle)
    prefix = tmp_path / "prefix with space"
    environment = {**os.environ, "PREFIX": str(prefix)}

    subprocess.run([str(bundle / "install.sh")], env=environment, check=True, capture_output=True)
    installed = prefix / "share" / "applications" / DESKTOP_FILE.name
    entry = desktop_entry(installed)
    assert entry["Desktop Entry"]["Exec"] == f'"{executable}"'
    assert entry["Desktop Action demo"]["Exec"] == f'"{executable}" --demo'
    assert entry["Desktop Entry"]["TryExec"] == str(executable)
    for size in ICON_SIZES:
        assert (prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (prefix / "share" / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    launched = subprocess.run([str(prefix / "bin" / "grapevine")], capture_output=True, text=True, check=True)
    assert launched.stdout.strip() == "Grapevine test bundle"
    if shutil.which("desktop-file-validate"):
        validated = subprocess.run(
            ["desktop-file-validate", str(installed)], capture_output=True, text=True, check=False
        )
        assert validated.returncode == 0, validated.stdout

    subprocess.run([str(bundle / "install.sh"), "--uninstall"], env=environment, check=True, capture_output=True)
    assert not installed.exists()
    assert not (prefix / "bin" / "grapevine").exists()
    assert not list((prefix / "share" / "icons").rglob("*.png"))
    assert executable.exists()  # the bundle itself stays
