"""The kit's widget styles, one ``<style>`` block shared by every view."""

CSS = """
<style>
.kit-box{font-family:"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f2933}
.kit-box h4{margin:.2em 0 .4em;font-size:15px;color:#0b4f6c}
.kit-stats{display:flex;flex-wrap:wrap;gap:8px;margin:.3em 0 .6em}
.kit-stat{background:#eef6fb;border:1px solid #cfe3ef;border-radius:6px;padding:4px 10px}
.kit-stat b{font-size:16px;color:#0b4f6c}
.kit-notes{margin:.2em 0 .6em 1.2em;padding:0}
.kit-notes li{margin:.1em 0}
.kit-preview{white-space:pre-wrap;word-wrap:break-word;border:1px solid #d9e2ec;border-radius:6px;background:#fbfcfd;padding:10px 12px;max-height:420px;overflow:auto;font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;font-size:15px}
.kit-mark{background:#ffe58f;border-bottom:2px solid #e0a800;padding:0 1px;border-radius:2px}
.kit-ok{color:#1d7a46}
.kit-warn{color:#a05a00}
.kit-error{color:#b42318;font-weight:600}
.kit-input textarea{font-family:"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif!important;font-size:15px!important;line-height:1.5!important}
.kit-muted{color:#6b7785;font-size:12px}
</style>
"""
