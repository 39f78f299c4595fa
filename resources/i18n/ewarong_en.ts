<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdvisorEditDialog</name>
    <message>
        <source>Profil saya</source>
        <translation>My profile</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>AdvisorForm</name>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>&amp;Nama:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Jenis pendamping:</source>
        <translation>Advisor &amp;type:</translation>
    </message>
    <message>
        <source>Nomor &amp;induk/petugas:</source>
        <translation>&amp;Staff number:</translation>
    </message>
    <message>
        <source>Nomor &amp;telepon:</source>
        <translation>&amp;Phone number:</translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota tugas:</source>
        <translation>&amp;Kabupaten/kota of assignment:</translation>
    </message>
    <message>
        <source>K&amp;ecamatan tugas:</source>
        <translation>K&amp;ecamatan of assignment:</translation>
    </message>
    <message>
        <source>Nama belum diisi; tulis nama lengkap Anda.</source>
        <translation>Name is empty; type your full name.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>e-Warong Desktop tidak bisa dimulai</source>
        <translation>e-Warong Desktop cannot start</translation>
    </message>
    <message>
        <source>Basis data {path} tidak bisa dibuka.

{reason}</source>
        <translation>The database {path} cannot be opened.

{reason}</translation>
    </message>
    <message>
        <source>Basis data tidak bisa dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>{path}

{reason}</source>
        <translation>{path}

{reason}</translation>
    </message>
    <message>
        <source>e-Warong Desktop dijalankan lagi pada berkas ini: jendela yang sudah terbuka ini dipakai.</source>
        <translation>e-Warong Desktop was started again on this file: this window, already open, is used.</translation>
    </message>
    <message>
        <source>e-Warong Desktop sudah terbuka pada berkas ini; jendelanya dibawa ke depan.</source>
        <translation>e-Warong Desktop is already open on this file; its window was brought forward.</translation>
    </message>
</context>
<context>
    <name>AssessmentForm</name>
    <message>
        <source>&amp;Kelompokkan per:</source>
        <translation>&amp;Group by:</translation>
    </message>
    <message>
        <source>Peran (4 kelompok)</source>
        <translation>Role (4 groups)</translation>
    </message>
    <message>
        <source>Bidang agenda (8 kelompok)</source>
        <translation>Agenda area (8 groups)</translation>
    </message>
    <message>
        <source>Sel belum dinilai berikutnya (F8)</source>
        <translation>Next unrated cell (F8)</translation>
    </message>
    <message>
        <source>&amp;Finalisasi...</source>
        <translation>&amp;Finalise...</translation>
    </message>
    <message>
        <source>Menandai penilaian selesai; setelah itu hanya bisa diubah dengan membukanya kembali.</source>
        <translation>Marks the assessment as finished; after that it can only be changed by reopening it.</translation>
    </message>
    <message>
        <source>&amp;Buka kembali...</source>
        <translation>&amp;Reopen...</translation>
    </message>
    <message>
        <source>&amp;Riwayat perubahan...</source>
        <translation>Change &amp;history...</translation>
    </message>
    <message>
        <source>Perubahan sesudah penilaian ini pertama kali difinalisasi: siapa, kapan, apa, dan alasannya.</source>
        <translation>Changes made after this assessment was first finalised: who, when, what, and why.</translation>
    </message>
    <message>
        <source>{advisor} — {warong}, periode {period}</source>
        <translation>{advisor} — {warong}, period {period}</translation>
    </message>
    <message>
        <source>Status: &lt;b&gt;Final&lt;/b&gt;</source>
        <translation>Status: &lt;b&gt;Final&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Status: &lt;b&gt;Draf&lt;/b&gt;</source>
        <translation>Status: &lt;b&gt;Draft&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Penilaian ini sudah final dan hanya bisa dibaca. Untuk mengubahnya, pilih &quot;Buka kembali&quot; dan tulis alasannya.</source>
        <translation>This assessment is final and read-only. To change it, choose &quot;Reopen&quot; and give the reason.</translation>
    </message>
    <message>
        <source>Penilaian ini sudah final dan hanya bisa dibaca.</source>
        <translation>This assessment is final and read-only.</translation>
    </message>
    <message>
        <source>Basis data ini dibuka hanya-baca: penilaian bisa dilihat, tetapi tidak bisa diubah.</source>
        <translation>This database is open read-only: the assessment can be viewed but not changed.</translation>
    </message>
    <message>
        <source>Hanya-baca: hanya {advisor} yang dapat mengubah penilaian ini.</source>
        <translation>Read-only: only {advisor} can change this assessment.</translation>
    </message>
    <message>
        <source>{answered} dari {total}</source>
        <translation>{answered} of {total}</translation>
    </message>
    <message>
        <source>{done} dari {total} sel terisi</source>
        <translation>{done} of {total} cells answered</translation>
    </message>
    <message>
        <source>Tidak tersimpan ({code}): {message}</source>
        <translation>Not saved ({code}): {message}</translation>
    </message>
    <message>
        <source>Menunggu basis data yang sedang sibuk...</source>
        <translation>Waiting for the busy database...</translation>
    </message>
    <message>
        <source>Basis data sedang dipakai (impor atau jendela lain). Perubahan Anda disimpan otomatis begitu basis data bebas.</source>
        <translation>The database is in use (an import or another window). Your changes are saved automatically as soon as it is free.</translation>
    </message>
    <message>
        <source>Menyimpan...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <source>Hanya-baca</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>✓ Tersimpan</source>
        <translation>✓ Saved</translation>
    </message>
    <message>
        <source>Setiap perubahan langsung disimpan.</source>
        <translation>Every change is saved at once.</translation>
    </message>
    <message>
        <source>Skala tingkat</source>
        <translation>Rating scale</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Semester lalu: {level}. Spasi = pakai lagi.</source>
        <translation>Last semester: {level}. Space = use it again.</translation>
    </message>
    <message>
        <source>Semua {total} sel sudah terisi.</source>
        <translation>All {total} cells are answered.</translation>
    </message>
    <message>
        <source>Basis data tidak dapat ditulis ({detail}); coba lagi.</source>
        <translation>The database cannot be written ({detail}); try again.</translation>
    </message>
    <message>
        <source>tingkat {cell}</source>
        <translation>level {cell}</translation>
    </message>
    <message>
        <source>Semua sel terisi</source>
        <translation>All cells rated</translation>
    </message>
    <message>
        <source>Semua {total} sel terisi — finalisasi sekarang?</source>
        <translation>All {total} cells are rated — finalise now?</translation>
    </message>
    <message>
        <source>Pilih &quot;Nanti&quot; untuk memeriksa jawaban dulu; tidak ada yang berubah. Setelah final, penilaian hanya bisa diubah dengan membukanya kembali.</source>
        <translation>Choose &quot;Later&quot; to check your answers first; nothing changes. Once final, the assessment can only be changed by reopening it.</translation>
    </message>
    <message>
        <source>&amp;Finalisasi sekarang</source>
        <translation>&amp;Finalise now</translation>
    </message>
    <message>
        <source>&amp;Nanti</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>catatan {cell}</source>
        <translation>note {cell}</translation>
    </message>
    <message>
        <source>basis data masih sibuk; perubahan ini belum tersimpan</source>
        <translation>the database is still busy; this change is not saved yet</translation>
    </message>
    <message>
        <source>Catatan belum tersimpan</source>
        <translation>Note not saved yet</translation>
    </message>
    <message>
        <source>Beri tingkat 0–4 atau tandai TB (tidak berlaku) pada sel-sel ini, lalu finalisasi lagi.</source>
        <translation>Give these cells a level 0–4 or mark them N/A (not applicable), then finalise again.</translation>
    </message>
    <message>
        <source>Belum bisa difinalisasi</source>
        <translation>Cannot be finalised yet</translation>
    </message>
    <message>
        <source>&amp;Sunting</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Batalkan</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Ulangi</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Tutup jendela</source>
        <translation>&amp;Close window</translation>
    </message>
    <message>
        <source>Lihat &amp;profil</source>
        <translation>View &amp;profile</translation>
    </message>
    <message>
        <source>Profil peran penilaian ini: grafik, tingkat per sel dan kesenjangan terhadap target.</source>
        <translation>This assessment&apos;s role profile: chart, level per cell and gaps to the target.</translation>
    </message>
    <message>
        <source>Papan ketik: 0–4 pilih tingkat, T tidak berlaku (TB), Del hapus · ↑/↓ pindah sel · Tab ke catatan, Esc kembali · Ctrl+Tab / Ctrl+PgDn kelompok berikutnya · F8 sel belum dinilai</source>
        <translation>Keyboard: 0–4 choose a level, N not applicable (N/A), Del clear · ↑/↓ move between cells · Tab to the note, Esc back · Ctrl+Tab / Ctrl+PgDn next group · F8 unrated cell · Ctrl+Z undo</translation>
    </message>
    <message>
        <source>Catatan pada sel {code} belum tersimpan: {message}</source>
        <translation>The note in cell {code} is not saved yet: {message}</translation>
    </message>
    <message>
        <source>Finalisasi penilaian</source>
        <translation>Finalise assessment</translation>
    </message>
    <message>
        <source>Finalisasi penilaian {period} untuk {warong}?</source>
        <translation>Finalise the {period} assessment for {warong}?</translation>
    </message>
    <message>
        <source>Setelah final, nilai tidak bisa diubah lagi kecuali penilaian dibuka kembali dengan alasan.</source>
        <translation>Once final, the levels cannot be changed unless the assessment is reopened with a reason.</translation>
    </message>
    <message>
        <source>Finalisasi</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>(usulan semester lalu, belum dikonfirmasi)</source>
        <translation>(last semester&apos;s answer, not yet confirmed)</translation>
    </message>
    <message>
        <source>{count} di antaranya masih usulan dari semester lalu: tekan Spasi pada sel itu untuk memakainya, atau pilih tingkat lain.</source>
        <translation>{count} of them still hold last semester&apos;s answer as a proposal: press Space on the cell to use it, or choose another level.</translation>
    </message>
    <message>
        <source>{count} sel belum dinilai:</source>
        <translation>{count} cell(s) not rated yet:</translation>
    </message>
    <message>
        <source>Finalisasi gagal</source>
        <translation>Finalising failed</translation>
    </message>
</context>
<context>
    <name>AssessmentTableModel</name>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Terisi</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>{name} (Anda)</source>
        <translation>{name} (you)</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>{answered} dari {total}</source>
        <translation>{answered} of {total}</translation>
    </message>
    <message>
        <source>Penilaian Anda; masih bisa diubah</source>
        <translation>Your assessment; can still be changed</translation>
    </message>
    <message>
        <source>Penilaian Anda; sudah final</source>
        <translation>Your assessment; final</translation>
    </message>
    <message>
        <source>Penilaian pendamping lain; hanya bisa dilihat</source>
        <translation>Another advisor&apos;s assessment; view only</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Sebelum → sesudah</source>
        <translation>Before → after</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>(tidak dikenal)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Dibuka kembali</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Difinalisasi</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <source>Difinalisasi lagi</source>
        <translation>Finalised again</translation>
    </message>
    <message>
        <source>Tingkat diubah</source>
        <translation>Level changed</translation>
    </message>
    <message>
        <source>Catatan diubah</source>
        <translation>Note changed</translation>
    </message>
    <message>
        <source>Konflik data: versi di sini dipakai</source>
        <translation>Data conflict: the version here kept</translation>
    </message>
    <message>
        <source>Konflik data: versi kiriman dipakai</source>
        <translation>Data conflict: the received version kept</translation>
    </message>
    <message>
        <source>Final → Draf</source>
        <translation>Final → Draft</translation>
    </message>
    <message>
        <source>Draf → Final</source>
        <translation>Draft → Final</translation>
    </message>
    <message>
        <source>di sini {0} · kiriman {1}</source>
        <translation>here {0} · received {1}</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>belum dinilai</source>
        <translation>not rated</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Setiap perubahan sesudah penilaian ini pertama kali difinalisasi dicatat di sini: membuka kembali (dengan alasannya), setiap tingkat dan catatan yang diubah, dan finalisasi berikutnya. Catatan ini tidak bisa diubah atau dihapus.</source>
        <translation>Every change made after this assessment was first finalised is recorded here: reopening (with its reason), each level and note changed, and each later finalisation. This record cannot be changed or deleted.</translation>
    </message>
    <message>
        <source>Belum ada perubahan yang tercatat.</source>
        <translation>No changes recorded yet.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Riwayat perubahan: {advisor} — {warong}, {period}</source>
        <translation>Change history: {advisor} — {warong}, {period}</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Cetak semua profil peran</source>
        <translation>Print all role profiles</translation>
    </message>
    <message>
        <source>Profil peran setiap penilaian dalam periode dan wilayah yang dipilih, sekaligus. Profil yang masih draf diberi tanda DRAF di setiap halamannya.</source>
        <translation>The role profile of every assessment in the chosen period and region, all at once. Profiles still in draft carry a DRAFT mark on every page.</translation>
    </message>
    <message>
        <source>Satu berkas PDF (setiap profil mulai di halaman baru)</source>
        <translation>One PDF file (each profile starts on a new page)</translation>
    </message>
    <message>
        <source>Satu berkas PDF per profil, dalam sebuah folder</source>
        <translation>One PDF file per profile, in a folder</translation>
    </message>
    <message>
        <source>Buat PDF…</source>
        <translation>Make PDF…</translation>
    </message>
    <message>
        <source>Belum ada penilaian untuk dicetak.</source>
        <translation>There are no assessments to print yet.</translation>
    </message>
    <message>
        <source>Simpan profil peran sebagai PDF</source>
        <translation>Save role profile as PDF</translation>
    </message>
    <message>
        <source>Profil peran</source>
        <translation>Role profile</translation>
    </message>
    <message>
        <source>Folder untuk berkas PDF profil peran</source>
        <translation>Folder for the role profile PDF files</translation>
    </message>
    <message>
        <source>Menyiapkan profil pertama…</source>
        <translation>Preparing the first profile…</translation>
    </message>
    <message>
        <source>Membuat profil peran</source>
        <translation>Making role profiles</translation>
    </message>
    <message>
        <source>&amp;Hentikan</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>Menghentikan setelah profil yang sedang dibuat…</source>
        <translation>Stopping after the profile being made…</translation>
    </message>
    <message>
        <source>{done} dari {total} profil selesai
{name}</source>
        <translation>{done} of {total} profiles done
{name}</translation>
    </message>
    <message>
        <source>Dihentikan. {count} profil yang sudah selesai ada di folder {folder}; sisanya belum dibuat.</source>
        <translation>Stopped. The {count} profiles already finished are in folder {folder}; the rest were not made.</translation>
    </message>
    <message>
        <source>Dihentikan. Tidak ada berkas yang dibuat.</source>
        <translation>Stopped. No file was made.</translation>
    </message>
</context>
<context>
    <name>CellEditor</name>
    <message>
        <source>Belum dinilai</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>Temuan studi</source>
        <translation>The study&apos;s finding</translation>
    </message>
    <message>
        <source>Catatan / bukti (tidak wajib)</source>
        <translation>Note / evidence (optional)</translation>
    </message>
    <message>
        <source>{description} (tombol {key})</source>
        <translation>{description} (key {key})</translation>
    </message>
    <message>
        <source>Contoh kegiatan, tanggal, hasil...</source>
        <translation>Example activities, dates, results...</translation>
    </message>
    <message>
        <source>dari semester lalu: {level} — belum dikonfirmasi (Spasi)</source>
        <translation>from last semester: {level} — not confirmed (Space)</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Jawaban Anda semester lalu. Tekan Spasi untuk memakainya, atau pilih tingkat lain. Sel ini belum dihitung terisi sampai Anda memilih.</source>
        <translation>Your answer last semester. Press Space to use it, or choose another level. The cell does not count as rated until you choose.</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Konflik data</source>
        <translation>Data conflicts</translation>
    </message>
    <message>
        <source>Penilaian final di bawah ini diterima dalam versi yang berbeda dari yang ada di laptop ini. Keduanya disimpan sampai Anda memilih salah satu. Pilihan Anda dicatat dalam riwayat penilaian.</source>
        <translation>The final assessments below arrived in a version that differs from the one on this laptop. Both are kept until you choose one. Your choice is recorded in the assessment&apos;s history.</translation>
    </message>
    <message>
        <source>Tampilkan juga yang sudah diputuskan</source>
        <translation>Also show the ones already decided</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <source>e-Warong</source>
        <translation>e-Warong</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Sel berbeda</source>
        <translation>Cells differing</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Dari berkas</source>
        <translation>From file</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Tidak ada konflik yang menunggu keputusan. Konflik muncul bila penilaian final yang sama diterima dalam dua versi yang berbeda.</source>
        <translation>No conflicts are waiting for a decision. A conflict appears when the same final assessment is received in two different versions.</translation>
    </message>
    <message>
        <source>Versi di laptop ini</source>
        <translation>Version on this laptop</translation>
    </message>
    <message>
        <source>Pakai &amp;versi ini</source>
        <translation>Use &amp;this version</translation>
    </message>
    <message>
        <source>Versi kiriman</source>
        <translation>Received version</translation>
    </message>
    <message>
        <source>Pakai versi &amp;kiriman</source>
        <translation>Use the &amp;received version</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Versi laptop ini dipakai</source>
        <translation>This laptop&apos;s version kept</translation>
    </message>
    <message>
        <source>Versi kiriman dipakai</source>
        <translation>Received version used</translation>
    </message>
    <message>
        <source>Belum diputuskan</source>
        <translation>Not decided yet</translation>
    </message>
    <message>
        <source>{advisor} — {warong} — {period}</source>
        <translation>{advisor} — {warong} — {period}</translation>
    </message>
    <message numerus="yes">
        <source>Hanya sel yang berbeda yang ditampilkan; %n sel lain sama di kedua versi.</source>
        <translation>
            <numerusform>Only the cells that differ are shown; %n other cell is the same in both versions.</numerusform>
            <numerusform>Only the cells that differ are shown; %n other cells are the same in both versions.</numerusform>
        </translation>
    </message>
    <message>
        <source>{status} · terakhir diubah {when}</source>
        <translation>{status} · last changed {when}</translation>
    </message>
    <message>
        <source>{status} · terakhir diubah {when} · dari berkas {file}</source>
        <translation>{status} · last changed {when} · from file {file}</translation>
    </message>
    <message>
        <source>Diputuskan {when} oleh {name}: {choice}.</source>
        <translation>Decided {when} by {name}: {choice}.</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>kosong</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>Pakai versi di laptop ini untuk {what}?</source>
        <translation>Use this laptop&apos;s version for {what}?</translation>
    </message>
    <message>
        <source>Nilai di laptop ini tidak berubah; versi kiriman tidak dipakai.</source>
        <translation>The ratings on this laptop stay as they are; the received version is not used.</translation>
    </message>
    <message>
        <source>Pakai versi ini</source>
        <translation>Use this version</translation>
    </message>
    <message>
        <source>Pakai versi kiriman untuk {what}?</source>
        <translation>Use the received version for {what}?</translation>
    </message>
    <message>
        <source>Nilai dan catatan penilaian ini diganti dengan versi kiriman (sel yang berbeda: {count}). Isi sebelum impor tetap ada di cadangan otomatis.</source>
        <translation>The ratings and notes of this assessment are replaced by the received version (cells that differ: {count}). The contents from before the import remain in the automatic backup.</translation>
    </message>
    <message>
        <source>Pakai versi kiriman</source>
        <translation>Use the received version</translation>
    </message>
    <message>
        <source>Pilih versi</source>
        <translation>Choose a version</translation>
    </message>
    <message>
        <source>Pilihan ini dicatat atas nama Anda.</source>
        <translation>This choice is recorded under your name.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CoordinationActions</name>
    <message>
        <source>&amp;Koordinator</source>
        <translation>&amp;Coordinator</translation>
    </message>
    <message>
        <source>&amp;Masuk mode koordinator…</source>
        <translation>&amp;Enter coordinator mode…</translation>
    </message>
    <message>
        <source>&amp;Keluar dari mode koordinator</source>
        <translation>&amp;Leave coordinator mode</translation>
    </message>
    <message>
        <source>&amp;Tambah koordinator…</source>
        <translation>&amp;Add coordinator…</translation>
    </message>
    <message>
        <source>Atur &amp;PIN saya…</source>
        <translation>Set my &amp;PIN…</translation>
    </message>
    <message>
        <source>&amp;Verifikasi penilaian terpilih…</source>
        <translation>&amp;Verify the selected assessment…</translation>
    </message>
    <message>
        <source>&amp;Rencana pengembangan…</source>
        <translation>Development &amp;plan…</translation>
    </message>
    <message>
        <source>T&amp;arget…</source>
        <translation>T&amp;argets…</translation>
    </message>
    <message>
        <source>Periksa penilaian final pendamping sel demi sel, lalu tandai terverifikasi.</source>
        <translation>Check an advisor&apos;s final assessment cell by cell, then mark it verified.</translation>
    </message>
    <message>
        <source>Sepakati 2–6 tindakan sesudah verifikasi dan catat tindak lanjut semester lalu.</source>
        <translation>Agree 2–6 actions after verification and record last semester&apos;s follow-up.</translation>
    </message>
    <message>
        <source> — Koordinator: </source>
        <translation> — Coordinator: </translation>
    </message>
    <message>
        <source>seluruh provinsi</source>
        <translation>whole province</translation>
    </message>
    <message>
        <source>Mode koordinator: {name} ({scope})</source>
        <translation>Coordinator mode: {name} ({scope})</translation>
    </message>
    <message>
        <source>Mode koordinator</source>
        <translation>Coordinator mode</translation>
    </message>
    <message>
        <source>Hanya koordinator yang dapat melakukan ini. Masuk mode koordinator dengan PIN Anda dulu (menu Koordinator).</source>
        <translation>Only a coordinator can do this. Enter coordinator mode with your PIN first (Coordinator menu).</translation>
    </message>
    <message>
        <source>Pilih penilaian</source>
        <translation>Choose an assessment</translation>
    </message>
    <message>
        <source>Pilih dulu sebuah penilaian di daftar penilaian e-Warong.</source>
        <translation>First choose an assessment in the e-Warong&apos;s list of assessments.</translation>
    </message>
</context>
<context>
    <name>CoordinationPanel</name>
    <message>
        <source>Verifikasi koordinator dan rencana pengembangan</source>
        <translation>Coordinator&apos;s verification and development plan</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Diri</source>
        <translation>Self</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Komentar koordinator</source>
        <translation>Coordinator&apos;s comment</translation>
    </message>
    <message>
        <source>Belum diverifikasi koordinator.</source>
        <translation>Not yet verified by a coordinator.</translation>
    </message>
    <message>
        <source>Diverifikasi oleh {name} pada {at}; {count} sel diubah.</source>
        <translation>Verified by {name} on {at}; {count} cells changed.</translation>
    </message>
    <message>
        <source>(Pendamping memfinalkan ulang sesudahnya.)</source>
        <translation>(The advisor finalised it again afterwards.)</translation>
    </message>
    <message>
        <source>Dikembalikan ke pendamping oleh {name} pada {at}: {reason}</source>
        <translation>Returned to the advisor by {name} on {at}: {reason}</translation>
    </message>
    <message>
        <source>pendamping</source>
        <translation>advisor</translation>
    </message>
    <message>
        <source>koordinator</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>Dinas Sosial</source>
        <translation>Dinas Sosial</translation>
    </message>
    <message>
        <source>selesai</source>
        <translation>done</translation>
    </message>
    <message>
        <source>sebagian</source>
        <translation>partly done</translation>
    </message>
    <message>
        <source>belum dilakukan</source>
        <translation>not done</translation>
    </message>
    <message>
        <source>tenggat {date}</source>
        <translation>due {date}</translation>
    </message>
    <message>
        <source>Belum ada rencana pengembangan.</source>
        <translation>No development plan yet.</translation>
    </message>
    <message>
        <source>tindak lanjut belum dicatat</source>
        <translation>follow-up not recorded yet</translation>
    </message>
    <message>
        <source>Tindak lanjut rencana {period}</source>
        <translation>Follow-up of the {period} plan</translation>
    </message>
</context>
<context>
    <name>CoordinatorDialog</name>
    <message>
        <source>Tambah koordinator</source>
        <translation>Add coordinator</translation>
    </message>
    <message>
        <source>Koordinator pertama basis data ini dapat ditambahkan siapa saja; koordinator berikutnya hanya oleh koordinator yang sedang masuk.</source>
        <translation>Anyone can add this database&apos;s first coordinator; later ones only a coordinator who has entered coordinator mode.</translation>
    </message>
    <message>
        <source>Koordinator memverifikasi penilaian, menetapkan target dan menyepakati rencana pengembangan di wilayahnya.</source>
        <translation>Coordinators verify assessments, set targets and agree development plans in their region.</translation>
    </message>
    <message>
        <source>Seluruh &amp;provinsi</source>
        <translation>Whole &amp;province</translation>
    </message>
    <message>
        <source>Satu kabupaten/kota per baris</source>
        <translation>One kabupaten/kota per line</translation>
    </message>
    <message>
        <source>&amp;Nama:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>NI&amp;P:</source>
        <translation>NI&amp;P (staff number):</translation>
    </message>
    <message>
        <source>&amp;Kantor:</source>
        <translation>&amp;Office:</translation>
    </message>
    <message>
        <source>Wilayah:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Kabupaten/&amp;kota:</source>
        <translation>Kabupaten/&amp;kota:</translation>
    </message>
    <message>
        <source>P&amp;IN:</source>
        <translation>P&amp;IN:</translation>
    </message>
    <message>
        <source>PIN &amp;sekali lagi:</source>
        <translation>PIN &amp;again:</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hanya koordinator yang dapat menambah koordinator; masuk mode koordinator dulu.</source>
        <translation>Only a coordinator can add coordinators; enter coordinator mode first.</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama; ketik ulang keduanya.</source>
        <translation>The two PINs differ; type both again.</translation>
    </message>
</context>
<context>
    <name>CoordinatorTargetsDialog</name>
    <message>
        <source>Target per jenis pendamping</source>
        <translation>Targets per advisor type</translation>
    </message>
    <message>
        <source>Seluruh provinsi (bawaan)</source>
        <translation>Whole province (default)</translation>
    </message>
    <message>
        <source>&amp;Jenis pendamping:</source>
        <translation>Advisor &amp;type:</translation>
    </message>
    <message>
        <source>&amp;Wilayah:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>Berlaku mulai &amp;periode:</source>
        <translation>In force from &amp;period:</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Anda mengubah target sebagai koordinator {name}. Target berlaku mulai periode yang dipilih sampai diganti; target kabupaten/kota mengalahkan target provinsi.</source>
        <translation>You are changing targets as coordinator {name}. Targets apply from the chosen period until replaced; a kabupaten/kota target overrides the province target.</translation>
    </message>
    <message>
        <source>Wilayah ini di luar wewenang Anda: target hanya bisa dilihat.</source>
        <translation>This region is outside your authority: the targets can only be viewed.</translation>
    </message>
    <message>
        <source>Target ditetapkan oleh koordinator dan hanya bisa dilihat di sini. Untuk mengubahnya, masuk mode koordinator (menu Koordinator).</source>
        <translation>Targets are set by coordinators and can only be viewed here. To change them, enter coordinator mode (Coordinator menu).</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%n penilaian baru</source>
        <translation>
            <numerusform>%n new assessment</numerusform>
            <numerusform>%n new assessments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n penilaian diperbarui</source>
        <translation>
            <numerusform>%n updated assessment</numerusform>
            <numerusform>%n updated assessments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n e-Warong baru</source>
        <translation>
            <numerusform>%n new e-Warong</numerusform>
            <numerusform>%n new e-Warongs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n e-Warong diperbarui</source>
        <translation>
            <numerusform>%n updated e-Warong</numerusform>
            <numerusform>%n updated e-Warongs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pendamping baru</source>
        <translation>
            <numerusform>%n new advisor</numerusform>
            <numerusform>%n new advisors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data pendamping diperbarui</source>
        <translation>
            <numerusform>%n updated advisor</numerusform>
            <numerusform>%n updated advisors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n penilaian final berbeda dari versi di laptop ini. Kedua versi disimpan dan menunggu keputusan Anda di Data &gt; Konflik data.</source>
        <translation>
            <numerusform>%n final assessment differs from the version on this laptop. Both versions are kept and wait for your decision in Data &gt; Data conflicts.</numerusform>
            <numerusform>%n final assessments differ from the versions on this laptop. Both versions are kept and wait for your decision in Data &gt; Data conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n penilaian final datang dalam versi yang berbeda dari yang ada di laptop ini (konflik). Kedua versi disimpan; sesudah menerima, pilih salah satunya lewat Data &gt; Konflik data.</source>
        <translation>
            <numerusform>%n final assessment comes in a version that differs from the one on this laptop (a conflict). Both versions are kept; after receiving, choose one in Data &gt; Data conflicts.</numerusform>
            <numerusform>%n final assessments come in versions that differ from the ones on this laptop (conflicts). Both versions are kept; after receiving, choose one in Data &gt; Data conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n penilaian</source>
        <translation>
            <numerusform>%n assessment</numerusform>
            <numerusform>%n assessments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n penilaian ditulis.</source>
        <translation>
            <numerusform>%n assessment written.</numerusform>
            <numerusform>%n assessments written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n berkas diterima.</source>
        <translation>
            <numerusform>%n file received.</numerusform>
            <numerusform>%n files received.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <source>Nilai dan catatan yang sudah tersimpan tetap aman, dan catatan yang sedang diketik sudah disimpan. Anda bisa melanjutkan pekerjaan. Jika kesalahan ini berulang, tutup program lalu buka lagi, dan kirim berkas log di bawah ini kepada koordinator atau pengembang.</source>
        <translation>Saved levels and notes are safe, and the note being typed has been saved. You can carry on working. If this error comes back, close the program and open it again, and send the log file below to your coordinator or the developers.</translation>
    </message>
    <message>
        <source>Berkas log: {path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message>
        <source>Log tidak bisa ditulis (folder log tidak bisa ditulis), jadi rinciannya tidak tersimpan.</source>
        <translation>The log could not be written (its folder cannot be written), so the details were not kept.</translation>
    </message>
    <message>
        <source>&amp;Salin lokasi log</source>
        <translation>&amp;Copy log location</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Kesalahan: {summary}</source>
        <translation>Error: {summary}</translation>
    </message>
    <message>
        <source>({count} kesalahan sejak jendela ini terbuka)</source>
        <translation>({count} errors since this window opened)</translation>
    </message>
    <message>
        <source>Lokasi tersalin</source>
        <translation>Location copied</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Pendamping</source>
        <translation>Advisors</translation>
    </message>
    <message>
        <source>e-Warong</source>
        <translation>e-Warongs</translation>
    </message>
    <message>
        <source>Penugasan pendamping</source>
        <translation>Advisor assignments</translation>
    </message>
    <message>
        <source>Penilaian</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Nilai sel</source>
        <translation>Cell ratings</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Koordinator</source>
        <translation>Coordinators</translation>
    </message>
    <message>
        <source>Verifikasi</source>
        <translation>Verifications</translation>
    </message>
    <message>
        <source>Sel terverifikasi</source>
        <translation>Verified cells</translation>
    </message>
    <message>
        <source>Target dari koordinator</source>
        <translation>Targets set by coordinators</translation>
    </message>
    <message>
        <source>Tindakan rencana pengembangan</source>
        <translation>Development plan actions</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Riwayat perubahan</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Data yang dihapus</source>
        <translation>Deleted records</translation>
    </message>
    <message>
        <source>Membaca berkas…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Memeriksa isi berkas…</source>
        <translation>Checking the file&apos;s contents…</translation>
    </message>
    <message>
        <source>Membandingkan dengan data di laptop ini…</source>
        <translation>Comparing with the data on this laptop…</translation>
    </message>
    <message>
        <source>Membuat cadangan basis data…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <source>Menyimpan data…</source>
        <translation>Saving the data…</translation>
    </message>
    <message>
        <source>Menulis berkas…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <source>Ini bukan berkas kiriman e-Warong.</source>
        <translation>This is not an e-Warong exchange file.</translation>
    </message>
    <message>
        <source>Berkas ini dibuat oleh versi e-Warong Desktop yang lebih baru; perbarui program ini untuk menerimanya.</source>
        <translation>This file was made by a newer version of e-Warong Desktop; update this program to receive it.</translation>
    </message>
    <message>
        <source>Isi berkas ini bertabrakan dengan data di laptop ini.</source>
        <translation>The contents of this file clash with the data on this laptop.</translation>
    </message>
    <message>
        <source>Berkas ini tidak bisa dibaca.</source>
        <translation>This file cannot be read.</translation>
    </message>
    <message>
        <source>Berkas ini rusak atau tidak lengkap (misalnya terpotong saat disalin); minta pengirim mengirim ulang.</source>
        <translation>This file is damaged or incomplete (for example cut short while copying); ask the sender to send it again.</translation>
    </message>
    <message>
        <source>data {advisor}</source>
        <translation>data of {advisor}</translation>
    </message>
    <message>
        <source>periode {period}</source>
        <translation>period {period}</translation>
    </message>
    <message>
        <source>semua data laptop pengirim</source>
        <translation>all data of the sender&apos;s laptop</translation>
    </message>
    <message>
        <source>Dibuat {when} · isi: {what} · {assessments}</source>
        <translation>Made {when} · holds: {what} · {assessments}</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hentikan</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>&amp;Simpan berkas…</source>
        <translation>&amp;Save file…</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Berkas tersimpan:
{path}</source>
        <translation>File saved:
{path}</translation>
    </message>
    <message>
        <source>Berkas siap dikirim</source>
        <translation>File ready to send</translation>
    </message>
    <message>
        <source>Isinya: {assessments} penilaian ({ratings} nilai sel), {advisors} pendamping dan {warongs} e-Warong.

Salin berkas ini ke flashdisk atau lampirkan ke surel untuk koordinator. Data di laptop ini tetap ada.</source>
        <translation>Contents: assessments {assessments} (cell ratings {ratings}), advisors {advisors}, e-Warongs {warongs}.

Copy this file to a USB stick or attach it to an e-mail for the coordinator. The data on this laptop stay as they are.</translation>
    </message>
    <message>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>&amp;Terima data</source>
        <translation>&amp;Receive data</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tidak ada yang berubah: semua isinya sudah ada di laptop ini.</source>
        <translation>Nothing changed: everything in it was already on this laptop.</translation>
    </message>
    <message>
        <source>Cadangan sebelum impor: {path}</source>
        <translation>Backup taken before the import: {path}</translation>
    </message>
    <message>
        <source>Lihat konflik…</source>
        <translation>View conflicts…</translation>
    </message>
    <message>
        <source>Data diterima</source>
        <translation>Data received</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>&amp;Kirim ke koordinator…</source>
        <translation>&amp;Send to coordinator…</translation>
    </message>
    <message>
        <source>Buat berkas .ewarong untuk dikirim ke koordinator</source>
        <translation>Make an .ewarong file to send to the coordinator</translation>
    </message>
    <message>
        <source>Teri&amp;ma data…</source>
        <translation>Recei&amp;ve data…</translation>
    </message>
    <message>
        <source>Masukkan berkas .ewarong dari laptop lain</source>
        <translation>Bring in .ewarong files from another laptop</translation>
    </message>
    <message>
        <source>Kon&amp;flik data…</source>
        <translation>Data con&amp;flicts…</translation>
    </message>
    <message>
        <source>Ekspor ke E&amp;xcel (XLSX)…</source>
        <translation>Export to E&amp;xcel (XLSX)…</translation>
    </message>
    <message>
        <source>Ekspor CS&amp;V…</source>
        <translation>Export CS&amp;V…</translation>
    </message>
    <message>
        <source>Pilih berkas kiriman (.ewarong)</source>
        <translation>Choose exchange files (.ewarong)</translation>
    </message>
    <message>
        <source>Berkas kiriman e-Warong (*.ewarong)</source>
        <translation>e-Warong exchange files (*.ewarong)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Kon&amp;flik data ({count})…</source>
        <translation>Data con&amp;flicts ({count})…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Kirim data ke koordinator</source>
        <translation>Send data to the coordinator</translation>
    </message>
    <message>
        <source>Ekspor nilai ke Excel (XLSX)</source>
        <translation>Export ratings to Excel (XLSX)</translation>
    </message>
    <message>
        <source>Ekspor nilai ke CSV</source>
        <translation>Export ratings to CSV</translation>
    </message>
    <message>
        <source>Program membuat satu berkas .ewarong berisi penilaian yang Anda pilih, beserta data e-Warong dan pendampingnya. Kirim berkas itu ke koordinator lewat flashdisk atau lampiran surel. Data di laptop ini tidak berubah.</source>
        <translation>The program makes one .ewarong file holding the assessments you choose, with their e-Warongs and advisors. Send that file to the coordinator on a USB stick or as an e-mail attachment. The data on this laptop do not change.</translation>
    </message>
    <message>
        <source>Buku kerja Excel dengan tiga lembar: satu baris per sel, satu baris per penilaian (dengan rata-rata per peran), dan keterangan kode sel dan skala.</source>
        <translation>An Excel workbook with three sheets: one row per cell, one row per assessment (with the mean per role), and a legend of cell codes and the scale.</translation>
    </message>
    <message>
        <source>Berkas teks CSV (UTF-8) yang bisa dibuka Excel, LibreOffice atau program statistik.</source>
        <translation>A CSV text file (UTF-8) that Excel, LibreOffice or a statistics program can open.</translation>
    </message>
    <message>
        <source>Data saya saja ({name})</source>
        <translation>Only my data ({name})</translation>
    </message>
    <message>
        <source>Penilaian Anda, dan e-Warong yang Anda dampingi.</source>
        <translation>Your assessments, and the e-Warongs you accompany.</translation>
    </message>
    <message>
        <source>Data semua pendamping di laptop ini</source>
        <translation>The data of every advisor on this laptop</translation>
    </message>
    <message>
        <source>Untuk koordinator yang meneruskan data yang sudah dikumpulkan.</source>
        <translation>For coordinators passing on the data they collected.</translation>
    </message>
    <message>
        <source>Semua periode</source>
        <translation>All periods</translation>
    </message>
    <message>
        <source>Semua kabupaten/kota</source>
        <translation>All kabupaten/kota</translation>
    </message>
    <message>
        <source>Apa yang diekspor:</source>
        <translation>What to export:</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota:</source>
        <translation>&amp;Kabupaten/kota:</translation>
    </message>
    <message>
        <source>Satu baris per sel (untuk tabel pivot)</source>
        <translation>One row per cell (for pivot tables)</translation>
    </message>
    <message>
        <source>Satu baris per penilaian (32 kolom sel)</source>
        <translation>One row per assessment (32 cell columns)</translation>
    </message>
    <message>
        <source>Titik koma ( ; ) — Excel berbahasa Indonesia</source>
        <translation>Semicolon ( ; ) — Excel set to Indonesian</translation>
    </message>
    <message>
        <source>Koma ( , )</source>
        <translation>Comma ( , )</translation>
    </message>
    <message>
        <source>&amp;Bentuk tabel:</source>
        <translation>Table &amp;shape:</translation>
    </message>
    <message>
        <source>Pe&amp;misah kolom:</source>
        <translation>Column se&amp;parator:</translation>
    </message>
    <message numerus="yes">
        <source>%n penilaian cocok dengan pilihan ini.</source>
        <translation>
            <numerusform>%n assessment matches this choice.</numerusform>
            <numerusform>%n assessments match this choice.</numerusform>
        </translation>
    </message>
    <message>
        <source>Belum ada penilaian yang cocok; yang dikirim hanya data pendamping dan e-Warong.</source>
        <translation>No assessment matches yet; only advisor and e-Warong data will be sent.</translation>
    </message>
    <message>
        <source>Tidak ada penilaian yang cocok dengan pilihan ini.</source>
        <translation>No assessment matches this choice.</translation>
    </message>
    <message>
        <source>nilai-ewarong</source>
        <translation>ewarong-ratings</translation>
    </message>
    <message>
        <source>semua</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Berkas kiriman e-Warong (*.ewarong)</source>
        <translation>e-Warong exchange files (*.ewarong)</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Berkas CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Berkas tidak bisa ditulis: {reason}</source>
        <translation>The file cannot be written: {reason}</translation>
    </message>
    <message>
        <source>Dihentikan; tidak ada berkas yang dibuat.</source>
        <translation>Stopped; no file was made.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Panduan e-Warong Desktop</source>
        <translation>e-Warong Desktop guide</translation>
    </message>
    <message>
        <source>&amp;Cari:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>kata yang dicari, lalu Enter</source>
        <translation>a word to find, then Enter</translation>
    </message>
    <message>
        <source>Berikut&amp;nya</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Tidak ditemukan</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>LevelGridModel</name>
    <message>
        <source>TB</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Rerata keseluruhan: {mean}</source>
        <translation>Overall mean: {mean}</translation>
    </message>
    <message>
        <source>Rerata {mean}, target {target}</source>
        <translation>Mean {mean}, target {target}</translation>
    </message>
    <message>
        <source>tidak berlaku</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <source>belum dinilai</source>
        <translation>not rated</translation>
    </message>
    <message>
        <source>tingkat {level}</source>
        <translation>level {level}</translation>
    </message>
    <message>
        <source>{code}: {state}, target {target}
{prompt}</source>
        <translation>{code}: {state}, target {target}
{prompt}</translation>
    </message>
    <message>
        <source>Rerata</source>
        <translation>Mean</translation>
    </message>
</context>
<context>
    <name>LevelLegend</name>
    <message>
        <source>TB</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Belum dinilai</source>
        <translation>Not rated</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Buka basis data…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Tambah e-Warong…</source>
        <translation>&amp;Add e-Warong…</translation>
    </message>
    <message>
        <source>&amp;Ubah data e-Warong…</source>
        <translation>&amp;Edit e-Warong details…</translation>
    </message>
    <message>
        <source>Penilaian &amp;baru…</source>
        <translation>&amp;New assessment…</translation>
    </message>
    <message>
        <source>B&amp;uka penilaian</source>
        <translation>&amp;Open assessment</translation>
    </message>
    <message>
        <source>Lihat &amp;profil</source>
        <translation>View &amp;profile</translation>
    </message>
    <message>
        <source>&amp;Cari e-Warong</source>
        <translation>&amp;Find e-Warong</translation>
    </message>
    <message>
        <source>&amp;Ganti pengguna…</source>
        <translation>&amp;Switch user…</translation>
    </message>
    <message>
        <source>&amp;Ubah profil saya…</source>
        <translation>&amp;Edit my profile…</translation>
    </message>
    <message>
        <source>&amp;Tentang e-Warong Desktop</source>
        <translation>&amp;About e-Warong Desktop</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;e-Warong</source>
        <translation>&amp;e-Warong</translation>
    </message>
    <message>
        <source>&amp;Penilaian</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <source>&amp;Laporan</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>Pen&amp;gguna</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <source>B&amp;ahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Cari nama e-Warong, KUBE atau kelurahan…</source>
        <translation>Search e-Warong, KUBE or kelurahan name…</translation>
    </message>
    <message>
        <source>Hanya yang saya dampingi</source>
        <translation>Only those I accompany</translation>
    </message>
    <message>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
    <message>
        <source>Data e-Warong</source>
        <translation>e-Warong details</translation>
    </message>
    <message>
        <source>Alamat:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Tahun berdiri:</source>
        <translation>Founded:</translation>
    </message>
    <message>
        <source>Kelurahan/desa:</source>
        <translation>Kelurahan/desa:</translation>
    </message>
    <message>
        <source>Jumlah anggota:</source>
        <translation>Members:</translation>
    </message>
    <message>
        <source>Layanan:</source>
        <translation>Services:</translation>
    </message>
    <message>
        <source>Kabupaten/kota:</source>
        <translation>Kabupaten/kota:</translation>
    </message>
    <message>
        <source>&amp;Panduan</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>Ikuti &amp;sistem</source>
        <translation>Follow the &amp;system</translation>
    </message>
    <message>
        <source>&amp;Terang</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Gelap</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>Ta&amp;mpilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Pendamping:</source>
        <translation>Advisors:</translation>
    </message>
    <message>
        <source>Penilaian per periode</source>
        <translation>Assessments by period</translation>
    </message>
    <message>
        <source>Basis data: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>HANYA BACA</source>
        <translation>READ-ONLY</translation>
    </message>
    <message>
        <source>Basis data ini dibuka hanya-baca: data bisa dilihat dan dicetak, tetapi tidak bisa diubah.</source>
        <translation>This database is open read-only: data can be viewed and printed but not changed.</translation>
    </message>
    <message>
        <source>Pengguna: {name} ({kind})</source>
        <translation>User: {name} ({kind})</translation>
    </message>
    <message>
        <source>DATA CONTOH — </source>
        <translation>SAMPLE DATA — </translation>
    </message>
    <message>
        <source>e-Warong Desktop — {advisor} — {file}</source>
        <translation>e-Warong Desktop — {advisor} — {file}</translation>
    </message>
    <message>
        <source> (hanya baca)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All kecamatan</translation>
    </message>
    <message>
        <source>{count} e-Warong</source>
        <translation>e-Warongs: {count}</translation>
    </message>
    <message>
        <source>Tidak ada e-Warong yang cocok dengan pencarian ini.</source>
        <translation>No e-Warong matches this search.</translation>
    </message>
    <message>
        <source>Belum ada e-Warong di basis data ini.
Klik “Tambah e-Warong” untuk mencatat e-Warong yang Anda dampingi.</source>
        <translation>This database has no e-Warong yet.
Click “Add e-Warong” to record the e-Warongs you accompany.</translation>
    </message>
    <message>
        <source>Pilih sebuah e-Warong di daftar sebelah kiri.</source>
        <translation>Choose an e-Warong in the list on the left.</translation>
    </message>
    <message>
        <source>(nama KUBE belum diisi)</source>
        <translation>(KUBE name not filled in)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>{count} orang</source>
        <translation>{count} people</translation>
    </message>
    <message>
        <source>{name} (Anda)</source>
        <translation>{name} (you)</translation>
    </message>
    <message>
        <source>Belum ada penilaian untuk e-Warong ini. Klik “Penilaian baru” untuk menilai peran Anda pada semester ini.</source>
        <translation>No assessment of this e-Warong yet. Click “New assessment” to rate your roles for this semester.</translation>
    </message>
    <message>
        <source>Lihat penilaian</source>
        <translation>View assessment</translation>
    </message>
    <message>
        <source>Penilaian {period} — {warong} — {advisor}</source>
        <translation>Assessment {period} — {warong} — {advisor}</translation>
    </message>
    <message>
        <source>Profil peran {period} — {warong} — {advisor}</source>
        <translation>Role profile {period} — {warong} — {advisor}</translation>
    </message>
    <message>
        <source>Catatan belum tersimpan</source>
        <translation>Note not saved</translation>
    </message>
    <message>
        <source>Catatan pada sel {code} belum tersimpan.</source>
        <translation>The note in cell {code} is not saved.</translation>
    </message>
    <message>
        <source>{reason}

Kembali ke catatan untuk memperbaikinya atau menyalin teksnya, atau tutup tanpa catatan itu.</source>
        <translation>{reason}

Go back to the note to correct it or copy its text, or close without that note.</translation>
    </message>
    <message>
        <source>Kembali ke catatan</source>
        <translation>Back to the note</translation>
    </message>
    <message>
        <source>Tutup tanpa catatan ini</source>
        <translation>Close without this note</translation>
    </message>
    <message>
        <source>Buka basis data e-Warong</source>
        <translation>Open an e-Warong database</translation>
    </message>
    <message>
        <source>Basis data e-Warong (*.sqlite3 *.sqlite *.db)</source>
        <translation>e-Warong databases (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;e-Warong Desktop {version}&lt;/h3&gt;&lt;p&gt;Penilaian diri peran pendamping sosial (Pendamping PKH, TKSK dan pendamping lain) dalam pengembangan usaha e-Warong KUBE.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Instrumen:&lt;/b&gt; {title}, versi {instrument_version}.&lt;br&gt;{source}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Studi:&lt;/b&gt; {citation}&lt;/p&gt;&lt;p&gt;Semua data tersimpan di laptop ini, dalam berkas basis data:&lt;br&gt;{path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;e-Warong Desktop {version}&lt;/h3&gt;&lt;p&gt;Self-assessment of social advisors&apos; roles (PKH advisors, TKSK and other advisors) in developing e-Warong KUBE businesses.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Instrument:&lt;/b&gt; {title}, version {instrument_version}.&lt;br&gt;{source}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Study:&lt;/b&gt; {citation}&lt;/p&gt;&lt;p&gt;All data are kept on this laptop, in the database file:&lt;br&gt;{path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tentang e-Warong Desktop</source>
        <translation>About e-Warong Desktop</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>Penilaian baru</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <source>{period} (sudah ada)</source>
        <translation>{period} (already exists)</translation>
    </message>
    <message>
        <source>Penilaian dimulai kosong. Jawaban Anda semester lalu (bila ada) tampil di setiap sel sebagai usulan &quot;dari semester lalu&quot;; sel terhitung terisi setelah Anda memakainya (Spasi) atau memilih tingkat.</source>
        <translation>The assessment starts empty. Your answers from last semester (if any) are shown in each cell as a proposal &quot;from last semester&quot;; a cell counts as rated once you use it (Space) or choose a level.</translation>
    </message>
    <message>
        <source>Penilaian diri Anda untuk &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>Your self-assessment for &lt;b&gt;{name}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&amp;Periode (semester):</source>
        <translation>&amp;Period (semester):</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Masuk mode koordinator</source>
        <translation>Enter coordinator mode</translation>
    </message>
    <message>
        <source>Pilih nama Anda lalu ketik PIN atau frasa sandi Anda.</source>
        <translation>Choose your name, then type your PIN or passphrase.</translation>
    </message>
    <message>
        <source>PIN pendamping</source>
        <translation>Advisor&apos;s PIN</translation>
    </message>
    <message>
        <source>{name} melindungi datanya dengan PIN. Ketik PIN untuk masuk sebagai {name}.</source>
        <translation>{name} protects their work with a PIN. Type the PIN to continue as {name}.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Belum ada koordinator di basis data ini; tambahkan dulu lewat Koordinator &gt; Tambah koordinator.</source>
        <translation>This database has no coordinator yet; add one first with Coordinator &gt; Add coordinator.</translation>
    </message>
    <message>
        <source>Memeriksa PIN…</source>
        <translation>Checking the PIN…</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Rencana pengembangan — {advisor} — {period}</source>
        <translation>Development plan — {advisor} — {period}</translation>
    </message>
    <message>
        <source>pendamping</source>
        <translation>advisor</translation>
    </message>
    <message>
        <source>koordinator</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>Dinas Sosial</source>
        <translation>Dinas Sosial</translation>
    </message>
    <message>
        <source>selesai</source>
        <translation>done</translation>
    </message>
    <message>
        <source>sebagian</source>
        <translation>partly done</translation>
    </message>
    <message>
        <source>belum dilakukan</source>
        <translation>not done</translation>
    </message>
    <message>
        <source>Tindak lanjut rencana {period}</source>
        <translation>Follow-up of the {period} plan</translation>
    </message>
    <message>
        <source>(belum dicatat)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>Catatan tindak lanjut</source>
        <translation>Follow-up note</translation>
    </message>
    <message>
        <source>Sepakati 2–6 tindakan dengan pendamping. Usulan di bawah diambil dari area agenda dengan kesenjangan terbesar (tingkat terverifikasi terhadap target) dan tindakan yang disarankan instrumen; ubah seperlunya.</source>
        <translation>Agree 2–6 actions with the advisor. The proposals below come from the agenda areas with the largest gaps (verified level against target) and the instrument&apos;s suggested actions; change them as needed.</translation>
    </message>
    <message>
        <source>Rencana disepakati sesudah verifikasi: verifikasi penilaian ini dulu.</source>
        <translation>A plan is agreed after verification: verify this assessment first.</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Pelaksana</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>&amp;Tambah tindakan</source>
        <translation>&amp;Add action</translation>
    </message>
    <message>
        <source>&amp;Simpan rencana</source>
        <translation>&amp;Save plan</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Rencana berisi paling banyak {count} tindakan.</source>
        <translation>A plan has at most {count} actions.</translation>
    </message>
</context>
<context>
    <name>ProfileReportBar</name>
    <message>
        <source>&amp;Ekspor PDF…</source>
        <translation>&amp;Export PDF…</translation>
    </message>
    <message>
        <source>Simpan profil peran ini sebagai PDF untuk dicetak atau dikirim.</source>
        <translation>Save this role profile as a PDF to print or send.</translation>
    </message>
    <message>
        <source>&amp;Cetak</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>Kirim PDF profil ini ke pencetak bawaan komputer.</source>
        <translation>Send this profile&apos;s PDF to the computer&apos;s default printer.</translation>
    </message>
    <message>
        <source>Profil peran</source>
        <translation>Role profile</translation>
    </message>
    <message>
        <source>Simpan profil peran sebagai PDF</source>
        <translation>Save role profile as PDF</translation>
    </message>
    <message>
        <source>Membuat PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>Menyiapkan cetakan…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <source>Tersimpan: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <source>Cetak profil peran</source>
        <translation>Print role profile</translation>
    </message>
    <message>
        <source>Dikirim ke pencetak.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>Program PDF komputer ini mencetaknya ke pencetak bawaan.</source>
        <translation>This computer&apos;s PDF program prints it on the default printer.</translation>
    </message>
    <message>
        <source>Profil peran dikirim ke pencetak.</source>
        <translation>The role profile was sent to the printer.</translation>
    </message>
    <message>
        <source>Komputer ini tidak punya layanan cetak (lp atau lpr).</source>
        <translation>This computer has no print service (lp or lpr).</translation>
    </message>
    <message>
        <source>Pencetak menolak PDF ini: {reply}</source>
        <translation>The printer refused this PDF: {reply}</translation>
    </message>
    <message>
        <source>tanpa keterangan</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>PDF dibuka di penampil PDF; cetak dari sana (Ctrl+P).</source>
        <translation>The PDF is open in the PDF viewer; print it from there (Ctrl+P).</translation>
    </message>
    <message>
        <source>PDF tersimpan di {path}; buka dan cetak dari program lain.</source>
        <translation>The PDF is saved at {path}; open and print it from another program.</translation>
    </message>
    <message>
        <source>Belum tercetak.</source>
        <translation>Not printed yet.</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Pendamping</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <source>Jenis pendamping</source>
        <translation>Advisor type</translation>
    </message>
    <message>
        <source>e-Warong</source>
        <translation>e-Warong</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kelengkapan</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <source>Rerata keseluruhan</source>
        <translation>Overall mean</translation>
    </message>
    <message>
        <source>Peran dibanding target</source>
        <translation>Roles against target</translation>
    </message>
    <message>
        <source>Tingkat per sel (peran x bidang agenda)</source>
        <translation>Level per cell (role x agenda area)</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Kesenjangan terbesar terhadap target</source>
        <translation>Largest gaps to target</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&amp;Riwayat perubahan...</source>
        <translation>Change &amp;history...</translation>
    </message>
    <message>
        <source>Sejak semester lalu</source>
        <translation>Since last semester</translation>
    </message>
    <message>
        <source>Bidang</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Pernyataan</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>Temuan studi</source>
        <translation>The study&apos;s finding</translation>
    </message>
    <message>
        <source>Tidak ada sel di bawah target.</source>
        <translation>No cell is below target.</translation>
    </message>
    <message>
        <source>Kekuatan (mencapai atau melampaui target)</source>
        <translation>Strengths (at or above target)</translation>
    </message>
    <message>
        <source>Belum ada sel yang mencapai target.</source>
        <translation>No cell reaches the target yet.</translation>
    </message>
    <message>
        <source>Angka = tingkat 0-4; TB = tidak berlaku (tidak ikut dihitung); sel kosong berarsir = belum dinilai. Kolom dan baris &quot;Rerata&quot; memuat rerata per peran dan per bidang.</source>
        <translation>Number = level 0-4; N/A = not applicable (left out of the means); hatched empty cell = not rated yet. The &quot;Mean&quot; column and row hold the mean per role and per area.</translation>
    </message>
    <message>
        <source>Profil peran: {advisor} — {warong}, {period}</source>
        <translation>Role profile: {advisor} — {warong}, {period}</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Draf (belum final)</source>
        <translation>Draft (not final)</translation>
    </message>
    <message>
        <source>{answered} dari {total} sel ({percent})</source>
        <translation>{answered} of {total} cells ({percent})</translation>
    </message>
    <message>
        <source>belum ada penilaian semester lalu</source>
        <translation>no assessment last semester</translation>
    </message>
    <message>
        <source>rerata {before} → {now} ({period}); {roles}</source>
        <translation>mean {before} → {now} ({period}); {roles}</translation>
    </message>
    <message>
        <source>… dan {count} sel lain.</source>
        <translation>… and {count} more cell(s).</translation>
    </message>
    <message>
        <source>Tampilkan semua</source>
        <translation>Show all</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Berkas {number} dari {count}</source>
        <translation>File {number} of {count}</translation>
    </message>
</context>
<context>
    <name>RadarChart</name>
    <message>
        <source>{mean} (target {target})</source>
        <translation>{mean} (target {target})</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Penilaian diri (rerata)</source>
        <translation>Self-assessment (mean)</translation>
    </message>
    <message>
        <source>Periode sebelumnya</source>
        <translation>Previous period</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Terima data</source>
        <translation>Receive data</translation>
    </message>
    <message numerus="yes">
        <source>Memeriksa %n berkas…</source>
        <translation>
            <numerusform>Checking %n file…</numerusform>
            <numerusform>Checking %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>Berkas dan jenis data</source>
        <translation>File and kind of record</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Tidak berubah</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Jenis data di dalam berkas</source>
        <translation>Kinds of record in the file</translation>
    </message>
    <message>
        <source>Belum ada di laptop ini; akan ditambahkan</source>
        <translation>Not on this laptop yet; will be added</translation>
    </message>
    <message>
        <source>Versi dalam berkas lebih baru; akan menggantikan yang ada</source>
        <translation>The file&apos;s version is newer; it will replace the one here</translation>
    </message>
    <message>
        <source>Sudah sama di laptop ini; tidak ada yang berubah</source>
        <translation>Already the same on this laptop; nothing changes</translation>
    </message>
    <message>
        <source>Penilaian final yang berbeda dari yang ada: kedua versi disimpan, Anda yang memilih</source>
        <translation>Final assessments that differ from the ones here: both versions are kept and you choose</translation>
    </message>
    <message>
        <source>Sebelum data disimpan, program membuat cadangan basis data secara otomatis. Impor berjalan utuh atau tidak sama sekali.</source>
        <translation>Before saving, the program backs up the database automatically. The import happens completely or not at all.</translation>
    </message>
    <message>
        <source>&amp;Terima data</source>
        <translation>&amp;Receive data</translation>
    </message>
    <message>
        <source>Berkas tidak bisa diterima</source>
        <translation>The files cannot be received</translation>
    </message>
    <message>
        <source>Tidak ada data yang dimasukkan ke laptop ini.</source>
        <translation>Nothing was added to this laptop.</translation>
    </message>
    <message>
        <source>Tidak ada data baru</source>
        <translation>No new data</translation>
    </message>
    <message>
        <source>Semua isi berkas sudah ada di laptop ini; menerimanya tidak mengubah apa pun.</source>
        <translation>Everything in the files is already on this laptop; receiving them changes nothing.</translation>
    </message>
    <message>
        <source>Jika data ini diterima:</source>
        <translation>If these data are received:</translation>
    </message>
    <message>
        <source>Tidak ada data baru atau yang diperbarui.</source>
        <translation>No new or updated records.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Terima %n berkas yang baik</source>
        <translation>
            <numerusform>&amp;Receive the good file</numerusform>
            <numerusform>&amp;Receive the %n good files</numerusform>
        </translation>
    </message>
    <message>
        <source>Konflik: {advisor} — {warong} — {period} · sel yang berbeda: {count}</source>
        <translation>Conflict: {advisor} — {warong} — {period} · cells that differ: {count}</translation>
    </message>
    <message>
        <source>{name} — ditolak</source>
        <translation>{name} — refused</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ditolak — tidak ada isi berkas ini yang dimasukkan:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Refused — nothing from these files is added:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Rincian: {reason}</source>
        <translation>Details: {reason}</translation>
    </message>
    <message>
        <source>Berkas tidak bisa diperiksa</source>
        <translation>The files could not be checked</translation>
    </message>
    <message>
        <source>Tidak ada data yang diubah. {reason}</source>
        <translation>No data were changed. {reason}</translation>
    </message>
    <message>
        <source>Dihentikan; tidak ada data yang diubah.</source>
        <translation>Stopped; no data were changed.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>&amp;Pulihkan cadangan</source>
        <translation>&amp;Restore backup</translation>
    </message>
    <message>
        <source>Buka &amp;hanya-baca</source>
        <translation>Open &amp;read-only</translation>
    </message>
    <message>
        <source>Buka berkas &amp;lain…</source>
        <translation>Open &amp;another file…</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Berkas: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Basis data rusak</source>
        <translation>Damaged database</translation>
    </message>
    <message>
        <source>Berkas basis data ini rusak, jadi e-Warong Desktop tidak membukanya.</source>
        <translation>This database file is damaged, so e-Warong Desktop did not open it.</translation>
    </message>
    <message>
        <source>Berkas itu tidak diubah dan tidak dihapus.</source>
        <translation>The file was neither changed nor deleted.</translation>
    </message>
    <message>
        <source>Rincian teknis: {problem}</source>
        <translation>Technical details: {problem}</translation>
    </message>
    <message>
        <source>Cadangan baik terbaru dibuat pada {when} ({reason}, {size}). Memulihkannya mengembalikan data sampai saat itu; perubahan sesudahnya tidak ada di cadangan. Berkas yang rusak (beserta -wal dan -shm) diberi nama baru bertanggal dan tetap di folder yang sama untuk diperiksa.</source>
        <translation>The newest good backup was made on {when} ({reason}, {size}). Restoring it brings back the data as it was then; later changes are not in the backup. The damaged file (with its -wal and -shm) gets a new, dated name and stays in the same folder for inspection.</translation>
    </message>
    <message>
        <source>Tidak ada cadangan yang baik untuk berkas ini. Buka berkas basis data lain (misalnya salinan yang pernah Anda simpan atau kirim ke koordinator), atau keluar dan minta bantuan; berkas yang rusak tetap ada.</source>
        <translation>There is no good backup of this file. Open another database file (for example a copy you saved or sent to your coordinator), or quit and ask for help; the damaged file stays where it is.</translation>
    </message>
    <message>
        <source>Basis data tidak bisa ditulis</source>
        <translation>Database cannot be written</translation>
    </message>
    <message>
        <source>Berkas basis data ini tidak bisa ditulis.</source>
        <translation>This database file cannot be written.</translation>
    </message>
    <message>
        <source>Berkas itu, foldernya, atau medianya (misalnya CD atau flashdisk yang dikunci) hanya bisa dibaca.</source>
        <translation>The file, its folder or its medium (a CD or a locked USB stick, for example) can only be read.</translation>
    </message>
    <message>
        <source>Anda bisa membukanya hanya-baca: semua data bisa dilihat dan dicetak, tetapi tidak bisa diubah. Untuk mengubah data, salin berkas ke folder yang bisa ditulis (misalnya Dokumen), lalu buka salinannya.</source>
        <translation>You can open it read-only: all data can be viewed and printed but not changed. To change data, copy the file to a folder you can write to (Documents, for example) and open the copy.</translation>
    </message>
    <message>
        <source>Memulihkan cadangan {when}…</source>
        <translation>Restoring the backup of {when}…</translation>
    </message>
    <message>
        <source>Buka basis data e-Warong</source>
        <translation>Open e-Warong database</translation>
    </message>
    <message>
        <source>Basis data e-Warong (*.sqlite3 *.sqlite *.db)</source>
        <translation>e-Warong databases (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Buka kembali penilaian</source>
        <translation>Reopen assessment</translation>
    </message>
    <message>
        <source>Penilaian ini sudah final. Tulis alasan membukanya kembali; alasan ini disimpan dalam riwayat perubahan.</source>
        <translation>This assessment is final. Write why you are reopening it; the reason is kept in the change history.</translation>
    </message>
    <message>
        <source>Contoh: salah memilih tingkat pada sel 4.2.5</source>
        <translation>For example: chose the wrong level in cell 4.2.5</translation>
    </message>
    <message>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>&amp;Ringkasan koordinator…</source>
        <translation>&amp;Coordinator&apos;s summary…</translation>
    </message>
    <message>
        <source>Angka-angka satu periode per wilayah dan jenis pendamping, dan PDF-nya.</source>
        <translation>One period&apos;s figures by region and advisor type, and their PDF.</translation>
    </message>
    <message>
        <source>Semua &amp;profil periode ini…</source>
        <translation>All &amp;profiles of a period…</translation>
    </message>
    <message>
        <source>Semua profil peran satu periode dalam satu PDF atau satu folder.</source>
        <translation>Every role profile of a period in one PDF or one folder.</translation>
    </message>
</context>
<context>
    <name>ReportFilters</name>
    <message>
        <source>Semua jenis</source>
        <extracomment>A coordinator&apos;s region the figures stay within (coordinators.scope_for); None: all.</extracomment>
        <translation>All types</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota:</source>
        <translation>&amp;District/city:</translation>
    </message>
    <message>
        <source>Kec&amp;amatan:</source>
        <translation>Sub-&amp;district:</translation>
    </message>
    <message>
        <source>&amp;Jenis pendamping:</source>
        <translation>&amp;Advisor type:</translation>
    </message>
    <message>
        <source>(belum ada penilaian)</source>
        <translation>(no assessments yet)</translation>
    </message>
    <message>
        <source>Semua kabupaten/kota</source>
        <translation>All districts/cities</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All sub-districts</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Buka setelah disimpan</source>
        <translation>Open after saving</translation>
    </message>
    <message>
        <source>Buka PDF di penampil PDF komputer ini setelah disimpan.</source>
        <translation>Open the PDF in this computer&apos;s PDF viewer after saving.</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>PDF tidak bisa disimpan di tempat itu.</source>
        <translation>The PDF cannot be saved there.</translation>
    </message>
    <message>
        <source>Tidak ada data untuk laporan ini.</source>
        <translation>There is no data for this report.</translation>
    </message>
    <message>
        <source>Laporan tidak bisa dibuat.</source>
        <translation>The report cannot be made.</translation>
    </message>
    <message>
        <source>Berkas laporan tidak bisa ditulis.</source>
        <translation>The report file cannot be written.</translation>
    </message>
    <message>
        <source>Laporan tidak bisa dibuat karena kesalahan program.</source>
        <translation>The report cannot be made because of an error in the program.</translation>
    </message>
    <message>
        <source>Rinciannya tercatat di berkas log program.</source>
        <translation>The details are in the program&apos;s log file.</translation>
    </message>
    <message>
        <source>Laporan gagal</source>
        <translation>Report failed</translation>
    </message>
    <message>
        <source>Laporan tersimpan</source>
        <translation>Report saved</translation>
    </message>
    <message>
        <source>Laporan tersimpan di:
{path}</source>
        <translation>The report is saved at:
{path}</translation>
    </message>
    <message>
        <source>Tidak ada program di komputer ini yang bisa membukanya; buka berkas itu dari pengelola berkas.</source>
        <translation>No program on this computer can open it; open the file from the file manager.</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Pilih cadangan yang isinya akan menggantikan isi basis data sekarang. Isi sekarang disimpan dulu sebagai cadangan baru, jadi pemulihan bisa dibatalkan dengan memulihkan cadangan itu.</source>
        <translation>Choose the backup whose contents will replace the database&apos;s current contents. The current contents are first saved as a new backup, so a restore can be undone by restoring that one.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Belum ada cadangan untuk basis data ini. Buat satu dengan “Cadangkan sekarang”.</source>
        <translation>There are no backups of this database yet. Make one with “Back up now”.</translation>
    </message>
    <message>
        <source>Folder cadangan: {folder}</source>
        <translation>Backup folder: {folder}</translation>
    </message>
    <message>
        <source>&amp;Pulihkan…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Ganti isi basis data dengan cadangan {when}?</source>
        <translation>Replace the database&apos;s contents with the backup of {when}?</translation>
    </message>
    <message>
        <source>Perubahan sesudah {when} tidak ada di cadangan ini. Isi sekarang disimpan dulu sebagai cadangan “sebelum pemulihan”.</source>
        <translation>Changes made after {when} are not in this backup. The current contents are first saved as a “before restore” backup.</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>dibuat manual</source>
        <translation>made by hand</translation>
    </message>
    <message>
        <source>harian, otomatis</source>
        <translation>daily, automatic</translation>
    </message>
    <message>
        <source>sebelum pembaruan program</source>
        <translation>before a program update</translation>
    </message>
    <message>
        <source>sebelum impor data</source>
        <translation>before a data import</translation>
    </message>
    <message>
        <source>sebelum pemulihan</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>Basis data dalam keadaan baik.</source>
        <translation>The database is in good order.</translation>
    </message>
    <message>
        <source>Berkas basis data tidak ditemukan.</source>
        <translation>The database file was not found.</translation>
    </message>
    <message>
        <source>Berkas basis data masih kosong: belum ada data di dalamnya.</source>
        <translation>The database file is empty: it holds no data yet.</translation>
    </message>
    <message>
        <source>Jalur ini bukan sebuah berkas.</source>
        <translation>This path is not a file.</translation>
    </message>
    <message>
        <source>Berkas basis data tidak bisa dibaca.</source>
        <translation>The database file cannot be read.</translation>
    </message>
    <message>
        <source>Berkas ini basis data SQLite, tetapi bukan milik e-Warong Desktop.</source>
        <translation>This file is an SQLite database, but not one of e-Warong Desktop.</translation>
    </message>
    <message>
        <source>Awal berkas bukan basis data e-Warong: berkas tertimpa isi lain, atau ini berkas jenis lain.</source>
        <translation>The start of the file is not an e-Warong database: it was overwritten with something else, or it is another kind of file.</translation>
    </message>
    <message>
        <source>Berkas lebih pendek daripada seharusnya, misalnya karena penyalinan atau penyimpanan yang terputus.</source>
        <translation>The file is shorter than it should be, for example after an interrupted copy or save.</translation>
    </message>
    <message>
        <source>Sebagian catatan merujuk ke catatan lain yang sudah tidak ada.</source>
        <translation>Some records refer to other records that no longer exist.</translation>
    </message>
    <message>
        <source>Pemeriksaan SQLite menemukan bagian yang rusak di dalam berkas.</source>
        <translation>SQLite&apos;s check found damaged parts inside the file.</translation>
    </message>
    <message>
        <source>Data sudah dipulihkan dari cadangan {when}.</source>
        <translation>The data was restored from the backup of {when}.</translation>
    </message>
    <message>
        <source>Berkas yang rusak tidak dihapus; berkas itu disimpan sebagai:</source>
        <translation>The damaged file was not deleted; it was kept as:</translation>
    </message>
    <message>
        <source>Isi sebelumnya disimpan dulu sebagai cadangan: {path}</source>
        <translation>The previous contents were first saved as a backup: {path}</translation>
    </message>
    <message>
        <source>Pemulihan selesai</source>
        <translation>Restore finished</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <source>&amp;Cadangkan sekarang</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Pulihkan dari cadangan…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>P&amp;eriksa basis data</source>
        <translation>Ch&amp;eck database</translation>
    </message>
    <message>
        <source>&amp;Target per jenis pendamping…</source>
        <translation>&amp;Targets per advisor type…</translation>
    </message>
    <message>
        <source>Mencadangkan basis data…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <source>Cadangan tersimpan ({size}).</source>
        <translation>Backup saved ({size}).</translation>
    </message>
    <message>
        <source>Cadangan tersimpan</source>
        <translation>Backup saved</translation>
    </message>
    <message>
        <source>Basis data sudah dicadangkan ({size}).</source>
        <translation>The database has been backed up ({size}).</translation>
    </message>
    <message>
        <source>Berkas cadangan: {path}</source>
        <translation>Backup file: {path}</translation>
    </message>
    <message>
        <source>Pencadangan gagal</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Memeriksa basis data…</source>
        <translation>Checking the database…</translation>
    </message>
    <message>
        <source>Pemeriksaan basis data</source>
        <translation>Database check</translation>
    </message>
    <message>
        <source>{assessments} penilaian dan {ratings} nilai sel; SQLite tidak menemukan kerusakan.</source>
        <translation>{assessments} assessments and {ratings} cell ratings; SQLite found no damage.</translation>
    </message>
    <message>
        <source>Rincian teknis: {summary}</source>
        <translation>Technical details: {summary}</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan…</source>
        <translation>Restore from backup…</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <source>Atur PIN saya</source>
        <translation>Set my PIN</translation>
    </message>
    <message>
        <source>Dengan PIN, orang lain di laptop ini tidak dapat memakai program atas nama {name}. PIN tidak melindungi salinan berkas basis data.</source>
        <translation>With a PIN, nobody else at this laptop can use the program as {name}. A PIN does not protect a copy of the database file.</translation>
    </message>
    <message>
        <source>PIN &amp;baru:</source>
        <translation>&amp;New PIN:</translation>
    </message>
    <message>
        <source>PIN &amp;sekali lagi:</source>
        <translation>PIN &amp;again:</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama; ketik ulang keduanya.</source>
        <translation>The two PINs differ; type both again.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Siapa yang memakai laptop ini?</source>
        <translation>Who is using this laptop?</translation>
    </message>
    <message>
        <source>Penilaian diri disimpan atas nama seorang pendamping. Pilih nama Anda bila sudah terdaftar di basis data ini, atau daftarkan diri Anda sebagai pendamping baru. Anda dapat menggantinya nanti lewat menu Pengguna.</source>
        <translation>Self-assessments are saved in an advisor&apos;s name. Choose your name if you are already in this database, or register as a new advisor. You can change this later in the User menu.</translation>
    </message>
    <message>
        <source>Selamat datang. Penilaian diri disimpan atas nama seorang pendamping: isi data Anda sekali saja. Nama dan jenis pendamping wajib diisi; yang lain boleh dilengkapi nanti lewat menu Pengguna.</source>
        <translation>Welcome. Self-assessments are saved in an advisor&apos;s name: fill in your details once. Name and advisor type are required; the rest can be completed later in the User menu.</translation>
    </message>
    <message>
        <source>Nama saya &amp;sudah ada di daftar ini:</source>
        <translation>My name is &amp;already in this list:</translation>
    </message>
    <message>
        <source>lainnya</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Daftarkan saya sebagai pendamping &amp;baru:</source>
        <translation>Register me as a &amp;new advisor:</translation>
    </message>
    <message>
        <source>Lanjutkan</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Keluar dari e-Warong Desktop?</source>
        <translation>Quit e-Warong Desktop?</translation>
    </message>
    <message>
        <source>Tanpa memilih atau mendaftarkan pengguna, program ditutup dan isian di sini hilang. Keluar sekarang?</source>
        <translation>Without choosing or registering a user the program closes and what you typed here is lost. Quit now?</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Kembali mengisi</source>
        <translation>&amp;Back to the form</translation>
    </message>
    <message>
        <source>Pilih nama Anda di daftar, atau daftarkan diri Anda.</source>
        <translation>Choose your name in the list, or register yourself.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Membuka basis data…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>StudyFinding</name>
    <message>
        <source>Studi tidak meneliti jenis pendamping ini.</source>
        <translation>The study did not cover this advisor type.</translation>
    </message>
    <message>
        <source>diukur dalam studi</source>
        <translation>measured in the study</translation>
    </message>
    <message>
        <source>diturunkan dari uraian studi</source>
        <translation>derived from the study&apos;s description</translation>
    </message>
    <message>
        <source>Tingkat {level}, {basis}: {finding}</source>
        <translation>Level {level}, {basis}: {finding}</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <source>Ringkasan koordinator</source>
        <translation>Coordinator&apos;s summary</translation>
    </message>
    <message>
        <source>Hitung juga penilaian &amp;draf</source>
        <translation>Count &amp;draft assessments too</translation>
    </message>
    <message>
        <source>Biasanya rata-rata hanya memakai penilaian final; centang untuk menghitung draf juga.</source>
        <translation>Means normally use final assessments only; tick to count drafts as well.</translation>
    </message>
    <message>
        <source>Hitung &amp;ulang</source>
        <translation>&amp;Recompute</translation>
    </message>
    <message>
        <source>Baca lagi data terbaru dari basis data.</source>
        <translation>Read the latest data from the database again.</translation>
    </message>
    <message>
        <source>&amp;Ekspor PDF…</source>
        <translation>&amp;Export PDF…</translation>
    </message>
    <message>
        <source>Simpan ringkasan lengkap (termasuk sebaran, pendamping dan tren) sebagai PDF.</source>
        <translation>Save the full summary (with the distribution, advisors and trend) as a PDF.</translation>
    </message>
    <message>
        <source>Jenis pendamping</source>
        <translation>Advisor type</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Advisors</translation>
    </message>
    <message>
        <source>e-Warong</source>
        <translation>e-Warongs</translation>
    </message>
    <message>
        <source>Penilaian</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{mark} = di bawah target rata-rata jenis pendamping itu. Tingkat 0-4.</source>
        <translation>{mark} = below that advisor type&apos;s mean target. Levels 0-4.</translation>
    </message>
    <message>
        <source>Pendamping, e-Warong dan penilaian</source>
        <translation>Advisors, e-Warongs and assessments</translation>
    </message>
    <message>
        <source>Rata-rata tingkat per peran dan bidang agenda</source>
        <translation>Mean level per role and agenda area</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Peran — bidang</source>
        <translation>Role — area</translation>
    </message>
    <message>
        <source>Rerata</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>Di bawah target</source>
        <translation>Below target</translation>
    </message>
    <message>
        <source>Tidak ada sel yang rata-ratanya di bawah target.</source>
        <translation>No cell has a mean below its target.</translation>
    </message>
    <message>
        <source>Sel dengan kesenjangan rata-rata terbesar</source>
        <translation>Cells with the largest mean gap</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Bidang agenda dan saran tindakan</source>
        <translation>Agenda area and suggested action</translation>
    </message>
    <message>
        <source>Pendamping yang perlu</source>
        <translation>Advisors in need</translation>
    </message>
    <message>
        <source>Rerata kekurangan</source>
        <translation>Mean shortfall</translation>
    </message>
    <message>
        <source>Tidak ada pendamping dengan sel di bawah target.</source>
        <translation>No advisor has a cell below target.</translation>
    </message>
    <message>
        <source>Pendamping yang perlu = pendamping dengan sedikitnya satu sel bidang itu di bawah target; rerata kekurangan = rata-rata jarak ke target per sel yang dinilai.</source>
        <translation>Advisors in need = advisors with at least one cell of that area below target; mean shortfall = the mean distance to the target per rated cell.</translation>
    </message>
    <message>
        <source>Kebutuhan pelatihan, berurutan</source>
        <translation>Training needs, ranked</translation>
    </message>
    <message>
        <source>Belum ada penilaian di basis data ini.</source>
        <translation>There are no assessments in this database yet.</translation>
    </message>
    <message>
        <source>Menghitung…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Tidak ada penilaian untuk pilihan ini. Pilih periode atau wilayah lain.</source>
        <translation>No assessments match this choice. Choose another period or region.</translation>
    </message>
    <message>
        <source>Ringkasan tidak bisa dihitung.</source>
        <translation>The summary cannot be computed.</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Ringkasan koordinator {period} — {region} — {types}</source>
        <translation>Coordinator&apos;s summary {period} — {region} — {types}</translation>
    </message>
    <message>
        <source>semua wilayah</source>
        <translation>all regions</translation>
    </message>
    <message>
        <source>semua jenis pendamping</source>
        <translation>all advisor types</translation>
    </message>
    <message>
        <source>Rata-rata dari penilaian final dan draf.</source>
        <translation>Means from final and draft assessments.</translation>
    </message>
    <message>
        <source>Rata-rata dari penilaian final saja; jumlah memuat draf.</source>
        <translation>Means from final assessments only; the counts include drafts.</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Bidang agenda</source>
        <translation>Agenda area</translation>
    </message>
    <message>
        <source>Keseluruhan</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>Target rata-rata: {target}</source>
        <translation>Mean target: {target}</translation>
    </message>
    <message>
        <source>{below} dari {rated}</source>
        <translation>{below} of {rated}</translation>
    </message>
    <message>
        <source>{needing} dari {rated}
({by_type})</source>
        <translation>{needing} of {rated}
({by_type})</translation>
    </message>
    <message>
        <source>Simpan ringkasan koordinator sebagai PDF</source>
        <translation>Save the coordinator&apos;s summary as PDF</translation>
    </message>
    <message>
        <source>Membuat PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>Tersimpan: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
</context>
<context>
    <name>TargetGrid</name>
    <message>
        <source>{code}: {role} × {area} (bawaan instrumen: {default})</source>
        <translation>{code}: {role} × {area} (instrument default: {default})</translation>
    </message>
    <message>
        <source>&amp;Kembalikan ke bawaan</source>
        <translation>&amp;Reset to defaults</translation>
    </message>
    <message>
        <source>Isi semua sel jenis pendamping ini dengan target bawaan instrumen (disimpan saat Anda menekan Simpan).</source>
        <translation>Fill every cell of this advisor type with the instrument&apos;s default target (saved when you press Save).</translation>
    </message>
    <message>
        <source>{count} sel berbeda dari bawaan instrumen (ditebalkan).</source>
        <translation>{count} cells differ from the instrument&apos;s defaults (in bold).</translation>
    </message>
    <message>
        <source>Semua sel sama dengan bawaan instrumen.</source>
        <translation>Every cell matches the instrument&apos;s defaults.</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Target per jenis pendamping</source>
        <translation>Targets per advisor type</translation>
    </message>
    <message>
        <source>Target adalah tingkat (0–4) yang diharapkan dari setiap jenis pendamping pada setiap sel. Profil dan laporan membandingkan nilai dengan target ini untuk menunjukkan kesenjangan. Target berlaku untuk semua penilaian di basis data ini.</source>
        <translation>A target is the level (0–4) expected of each advisor type in each cell. Profiles and reports compare ratings with these targets to show the gaps. Targets apply to every assessment in this database.</translation>
    </message>
    <message>
        <source>Skala: {scale}</source>
        <translation>Scale: {scale}</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Basis data ini dibuka hanya-baca: target bisa dilihat, tetapi tidak bisa diubah.</source>
        <translation>This database is open read-only: targets can be viewed but not changed.</translation>
    </message>
</context>
<context>
    <name>VerificationForm</name>
    <message>
        <source>Verifikasi — {advisor} — {warong} — {period}</source>
        <translation>Verification — {advisor} — {warong} — {period}</translation>
    </message>
    <message>
        <source>Verifikasi penilaian {advisor} di {warong}, {period}</source>
        <translation>Verifying {advisor}&apos;s assessment at {warong}, {period}</translation>
    </message>
    <message>
        <source>Tombol pada sel: 0–4 tingkat terverifikasi, N tidak berlaku, Enter setuju dengan pendamping lalu ke sel berikut, Tab ke komentar, ↓/↑ pindah sel. Sel yang berbeda dari pendamping ditandai &quot;Berbeda&quot;.</source>
        <translation>Keys on a cell: 0–4 verified level, N not applicable, Enter agrees with the advisor and goes to the next cell, Tab to the comment, ↓/↑ move between cells. Cells that differ from the advisor are marked &quot;Differs&quot;.</translation>
    </message>
    <message>
        <source>Catatan umum verifikasi (tidak wajib)</source>
        <translation>General note on the verification (optional)</translation>
    </message>
    <message>
        <source>Alasan mengembalikan ke pendamping</source>
        <translation>Reason for returning it to the advisor</translation>
    </message>
    <message>
        <source>Tandai &amp;terverifikasi</source>
        <translation>Mark &amp;verified</translation>
    </message>
    <message>
        <source>&amp;Kembalikan ke pendamping</source>
        <translation>&amp;Return to the advisor</translation>
    </message>
    <message>
        <source>Catatan:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Alasan:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Belum diverifikasi.</source>
        <translation>Not verified yet.</translation>
    </message>
    <message>
        <source>Diverifikasi oleh {name} pada {at}; {count} sel berbeda.</source>
        <translation>Verified by {name} on {at}; {count} cells differ.</translation>
    </message>
    <message>
        <source>Pendamping memfinalkan ulang sesudahnya: periksa lagi.</source>
        <translation>The advisor finalised it again afterwards: check it again.</translation>
    </message>
    <message>
        <source>Dikembalikan ke pendamping oleh {name} pada {at}: {reason}</source>
        <translation>Returned to the advisor by {name} on {at}: {reason}</translation>
    </message>
    <message>
        <source>Penilaian ini masih draf: pendamping harus memfinalkannya dulu.</source>
        <translation>This assessment is still a draft: the advisor must finalise it first.</translation>
    </message>
    <message>
        <source>Beri komentar pada sel yang berbeda dari pendamping: {cells}</source>
        <translation>Give a comment on the cells that differ from the advisor: {cells}</translation>
    </message>
</context>
<context>
    <name>VerifiedSummaryPanel</name>
    <message>
        <source>Penilaian diri dibanding terverifikasi</source>
        <translation>Self-assessment compared with verified</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Diri</source>
        <translation>Self</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Selisih = terverifikasi dikurangi diri: negatif berarti pendamping menilai dirinya lebih tinggi daripada koordinator.</source>
        <translation>Difference = verified minus self: negative means the advisors rated themselves higher than the coordinator did.</translation>
    </message>
    <message>
        <source>Kebutuhan pelatihan dari rencana pengembangan</source>
        <translation>Training needs from development plans</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Advisors</translation>
    </message>
    <message>
        <source>Belum ada rencana pengembangan pada periode ini.</source>
        <translation>No development plans in this period yet.</translation>
    </message>
    <message>
        <source>{count} penilaian terverifikasi.</source>
        <translation>{count} verified assessments.</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>VerifyCellEditor</name>
    <message>
        <source>Berbeda</source>
        <translation>Differs</translation>
    </message>
    <message>
        <source>Penilaian pendamping: {level}</source>
        <translation>Advisor&apos;s rating: {level}</translation>
    </message>
    <message>
        <source>catatan: {note}</source>
        <translation>note: {note}</translation>
    </message>
    <message>
        <source>Komentar koordinator (wajib bila berbeda)</source>
        <translation>Coordinator&apos;s comment (required where it differs)</translation>
    </message>
    <message>
        <source>Komentar koordinator</source>
        <translation>Coordinator&apos;s comment</translation>
    </message>
</context>
<context>
    <name>VersionPanel</name>
    <message>
        <source>Sel</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>WarongDialog</name>
    <message>
        <source>Penyaluran BPNT</source>
        <translation>BPNT distribution</translation>
    </message>
    <message>
        <source>Transaksi EDC (bank Himbara)</source>
        <translation>EDC transactions (Himbara banks)</translation>
    </message>
    <message>
        <source>Isi pulsa dan token listrik</source>
        <translation>Phone credit and electricity tokens</translation>
    </message>
    <message>
        <source>Pembayaran BPJS Kesehatan</source>
        <translation>BPJS health-insurance payments</translation>
    </message>
    <message>
        <source>Layanan lain</source>
        <translation>Other services</translation>
    </message>
    <message>
        <source>Tambah e-Warong</source>
        <translation>Add e-Warong</translation>
    </message>
    <message>
        <source>Ubah data e-Warong</source>
        <translation>Edit e-Warong details</translation>
    </message>
    <message>
        <source>mis. e-Warong Sauyunan</source>
        <translation>e.g. e-Warong Sauyunan</translation>
    </message>
    <message>
        <source>mis. KUBE Sauyunan</source>
        <translation>e.g. KUBE Sauyunan</translation>
    </message>
    <message>
        <source>Jalan, nomor, RT/RW</source>
        <translation>Street, number, RT/RW</translation>
    </message>
    <message>
        <source>tidak diketahui</source>
        <translation>not known</translation>
    </message>
    <message>
        <source> orang</source>
        <translation> people</translation>
    </message>
    <message>
        <source>Layanan yang tersedia</source>
        <translation>Services offered</translation>
    </message>
    <message>
        <source>Saya ({name}) mendampingi e-Warong ini</source>
        <translation>I ({name}) accompany this e-Warong</translation>
    </message>
    <message>
        <source>&amp;Nama e-Warong:</source>
        <translation>e-Warong &amp;name:</translation>
    </message>
    <message>
        <source>Nama &amp;KUBE:</source>
        <translation>&amp;KUBE name:</translation>
    </message>
    <message>
        <source>&amp;Alamat:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Ke&amp;lurahan/desa:</source>
        <translation>Ke&amp;lurahan/desa:</translation>
    </message>
    <message>
        <source>K&amp;ecamatan:</source>
        <translation>K&amp;ecamatan:</translation>
    </message>
    <message>
        <source>Ka&amp;bupaten/kota:</source>
        <translation>Ka&amp;bupaten/kota:</translation>
    </message>
    <message>
        <source>&amp;Provinsi:</source>
        <translation>&amp;Province:</translation>
    </message>
    <message>
        <source>&amp;Tahun berdiri:</source>
        <translation>&amp;Year founded:</translation>
    </message>
    <message>
        <source>Jumlah &amp;anggota:</source>
        <translation>Number of &amp;members:</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Nama e-Warong belum diisi; tulis namanya.</source>
        <translation>e-Warong name is empty; type its name.</translation>
    </message>
    <message>
        <source>Kecamatan belum diisi; pilih atau tulis kecamatannya.</source>
        <translation>The kecamatan is missing; choose or type it.</translation>
    </message>
    <message>
        <source>Kabupaten/kota belum diisi; pilih atau tulis kabupaten/kotanya.</source>
        <translation>The kabupaten/kota is missing; choose or type it.</translation>
    </message>
</context>
<context>
    <name>WarongTableModel</name>
    <message>
        <source>Nama e-Warong</source>
        <translation>e-Warong name</translation>
    </message>
    <message>
        <source>Kelurahan/Desa</source>
        <translation>Kelurahan/Desa</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
</context>
</TS>
